import type { JobRunSummary } from '@jobs/contracts';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent } from 'storybook/test';
import {
  cancelledRun,
  cancelRequestedRun,
  failedRun,
  hostileRun,
  indeterminateRun,
  LONG_NAME,
  longNameRun,
  NOW,
  queuedRun,
  runningRun,
  successRun,
} from '../../testing/fixtures.js';
import { JobRunCard, type JobRunCardProps } from './JobRunCard.js';

const meta = {
  title: 'Jobs/JobRunCard',
  component: JobRunCard,
  args: { run: runningRun, variant: 'active', now: NOW, onCancel: fn(), onViewDetails: fn() },
  decorators: [(Story) => <div style={{ maxWidth: 720 }}>{Story()}</div>],
  parameters: {
    docs: {
      description: {
        component:
          'One run. `variant="active"`: name, id, started/queued time, progress, ETA and rate, Cancel and Details; a cancel in flight shows a spinner and a disabled "Stopping…". `variant="history"`: trigger, duration, finished time, and the error inline for FAILED. Memoized: give it a stable `run` object and callbacks.',
      },
    },
  },
} satisfies Meta<typeof JobRunCard>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Running: Story = { args: { run: runningRun } };
export const RunningIndeterminate: Story = { args: { run: indeterminateRun } };
export const Queued: Story = { args: { run: queuedRun } };
export const CancelRequested: Story = { args: { run: cancelRequestedRun } };
export const CancelPending: Story = { args: { run: runningRun, cancelPending: true } };
export const NotCancellable: Story = { args: { run: runningRun, canCancel: false } };
export const HistorySuccess: Story = { args: { run: successRun, variant: 'history' } };
export const HistoryFailed: Story = { args: { run: failedRun, variant: 'history' } };
export const HistoryCancelled: Story = { args: { run: cancelledRun, variant: 'history' } };

/** A host that cancels without asking (as @jobs/live does) marks the run pending in the click itself. */
function HostCancels(props: JobRunCardProps) {
  const [pending, setPending] = useState(false);
  return (
    <JobRunCard
      {...props}
      cancelPending={pending}
      onCancel={(run: JobRunSummary) => {
        setPending(true);
        props.onCancel?.(run);
      }}
    />
  );
}

export const CancelDisablesAtOnce: Story = {
  render: (args) => <HostCancels {...args} />,
  play: async ({ canvas, args }) => {
    const cancel = canvas.getByRole('button', { name: /^Cancel match-scores/ });
    await userEvent.click(cancel);
    const stopping = canvas.getByRole('button', { name: /^Stopping match-scores/ });
    await expect(stopping).toBeDisabled();
    await expect(stopping).toHaveTextContent('Stopping…');
    await userEvent.click(stopping);
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
  },
};

function HostReverts(props: JobRunCardProps) {
  const [pending, setPending] = useState(false);
  return (
    <JobRunCard
      {...props}
      cancelPending={pending}
      onCancel={(run: JobRunSummary) => {
        setPending(true);
        // The request failed: the host reverts, and the card offers Cancel again.
        setTimeout(() => setPending(false), 50);
        props.onCancel?.(run);
      }}
    />
  );
}

export const CancelFailsAndReverts: Story = {
  render: (args) => <HostReverts {...args} />,
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: /^Cancel/ }));
    await expect(canvas.getByRole('button', { name: /^Stopping/ })).toBeDisabled();
    await expect(await canvas.findByRole('button', { name: /^Cancel/ })).toBeEnabled();
  },
};

export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      {[runningRun, indeterminateRun, queuedRun, cancelRequestedRun].map((run) => (
        <JobRunCard key={run.id} {...args} run={run} variant="active" />
      ))}
      {[successRun, failedRun, cancelledRun].map((run) => (
        <JobRunCard key={run.id} {...args} run={run} variant="history" />
      ))}
    </div>
  ),
};

export const Hostile: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <JobRunCard {...args} run={hostileRun} variant="active" />
      <JobRunCard {...args} run={longNameRun} variant="history" />
      <JobRunCard
        {...args}
        run={{ ...failedRun, id: 'rtl', error: { message: `${LONG_NAME.slice(0, 400)} مرحبا` } }}
        variant="history"
      />
    </div>
  ),
  play: async ({ canvasElement, canvas }) => {
    await expect(canvasElement.querySelector('img, script')).toBeNull();
    await expect(canvas.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
  },
};
