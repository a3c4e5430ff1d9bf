import type { JobRunSummary } from '@jobs/contracts';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import {
  cancelledRun,
  cancelRequestedRun,
  failedRun,
  hostileRun,
  indeterminateRun,
  longNameRun,
  manyRuns,
  NOW,
  queuedRun,
  runningRun,
  successRun,
} from '../../testing/fixtures.js';
import { JobsPanel, type JobsPanelProps } from './JobsPanel.js';

const mixed = [successRun, runningRun, failedRun, queuedRun, cancelledRun, indeterminateRun];

const meta = {
  title: 'Jobs/JobsPanel',
  component: JobsPanel,
  args: {
    runs: mixed,
    now: NOW,
    onCancel: fn(),
    onViewDetails: fn(),
    onClearFinished: fn(),
    showAllHref: '/admin/jobs',
  },
  decorators: [
    (Story) => <div style={{ display: 'flex', justifyContent: 'flex-end', minHeight: 560 }}>{Story()}</div>,
  ],
  parameters: {
    docs: {
      description: {
        component:
          'The downloads-style panel. The toolbar button shows a badge of in-progress runs (hidden at 0, "9+" past nine) and a ring of their combined progress; the popover (Radix Popover) lists in-progress runs, then recent ones, with Cancel, Details, "Clear finished" and "Show all".',
      },
      story: { inline: false, height: '600px' },
    },
  },
} satisfies Meta<typeof JobsPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Open: Story = { args: { defaultOpen: true } };
export const NoActive: Story = { args: { runs: [successRun, failedRun], defaultOpen: true } };
export const Empty: Story = {
  args: { runs: [], defaultOpen: true },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-field="badge"]')).toBeNull();
    await expect(await screen.findByText('No recent jobs.')).toBeVisible();
  },
};
export const ManyInProgress: Story = {
  args: { runs: manyRuns(12) },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-field="badge"]')).toHaveTextContent('9+');
  },
};
export const CancelPending: Story = {
  args: {
    runs: [runningRun, cancelRequestedRun],
    cancelPendingIds: new Set([runningRun.id]),
    defaultOpen: true,
  },
};

/** A host that cancels without asking (as @jobs/live does) marks the run pending in the click itself. */
function CancellingHost(props: JobsPanelProps) {
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  return (
    <JobsPanel
      {...props}
      cancelPendingIds={pending}
      onCancel={(run: JobRunSummary) => {
        setPending((ids) => new Set(ids).add(run.id));
        props.onCancel?.(run);
      }}
    />
  );
}

/** Cancel disables at once; Escape closes the popover and focus returns to the toolbar button. */
export const CancelThenEscape: Story = {
  render: (args) => <CancellingHost {...args} />,
  play: async ({ canvas, args }) => {
    const trigger = canvas.getByRole('button', { name: 'Jobs, 3 in progress' });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole('dialog', { name: 'Jobs' });
    const panel = within(dialog);
    await userEvent.click(panel.getByRole('button', { name: /^Cancel match-scores/ }));
    await expect(panel.getByRole('button', { name: /^Stopping match-scores/ })).toBeDisabled();
    await expect(args.onCancel).toHaveBeenCalledOnce();
    await userEvent.click(panel.getByRole('button', { name: 'Clear finished' }));
    await expect(args.onClearFinished).toHaveBeenCalledOnce();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};

/**
 * As the card: Cancel only where the run's definition allows it (`canCancel`; here
 * feed-presort may not be cancelled), and a question before anything is sent (`confirmCancel`).
 */
export const ConfirmsCancel: Story = {
  args: {
    defaultOpen: true,
    confirmCancel: true,
    canCancel: (run: JobRunSummary) => run.jobName !== 'feed-presort',
  },
  play: async ({ args }) => {
    const panel = within(await screen.findByRole('dialog', { name: 'Jobs' }));
    await expect(panel.queryByRole('button', { name: /^Cancel feed-presort/ })).toBeNull();
    await userEvent.click(panel.getByRole('button', { name: /^Cancel match-scores #12847/ }));
    const question = await screen.findByRole('alertdialog', { name: 'Cancel match-scores (#12847)?' });
    await userEvent.click(within(question).getByRole('button', { name: 'Keep running' }));
    await expect(args.onCancel).not.toHaveBeenCalled();
    await userEvent.click(panel.getByRole('button', { name: /^Cancel match-scores #12847/ }));
    await userEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Cancel run' }),
    );
    await expect(args.onCancel).toHaveBeenCalledOnce();
  },
};

/** The toolbar button at 0, 1, 2 and 9+ runs, and the last one open: in progress, pending cancel, recent. */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'flex', gap: 24 }}>
      <JobsPanel {...args} runs={[]} />
      <JobsPanel {...args} runs={[queuedRun]} />
      <JobsPanel {...args} runs={[runningRun, indeterminateRun]} />
      <JobsPanel {...args} runs={manyRuns(15)} />
      <JobsPanel {...args} runs={mixed} cancelPendingIds={new Set([runningRun.id])} defaultOpen />
    </div>
  ),
};

export const Hostile: Story = {
  args: {
    runs: [hostileRun, longNameRun, { ...failedRun, id: '7', error: { message: hostileRun.jobName } }],
    defaultOpen: true,
  },
  play: async () => {
    const dialog = await screen.findByRole('dialog');
    await expect(dialog.querySelector('img, script')).toBeNull();
  },
};
