import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo, useState } from 'react';
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test';
import {
  bigJson,
  failedDetails,
  hostileDetails,
  NOW,
  runningDetails,
  successDetails,
  tooLargeDetails,
} from '../../testing/fixtures.js';
import { Button } from '../Button/index.js';
import { JobDetailsModal, type JobDetailsModalProps } from './JobDetailsModal.js';

const meta = {
  title: 'Jobs/JobDetailsModal',
  component: JobDetailsModal,
  args: {
    open: true,
    run: successDetails,
    canManage: true,
    now: NOW,
    onOpenChange: fn(),
    onRerun: fn(),
    onCancel: fn(),
    onViewLogs: fn(),
  },
  parameters: {
    docs: {
      description: {
        component:
          '"Job Run Details" on Radix Dialog: status, trigger, who, algorithm, a timeline with delay and duration, params and metadata in `JsonViewer` (bounded preview; `tooLarge` values get a size and a download link), error and stack. Viewers (`canManage={false}`) get no Re-run or Cancel. Focus returns to whatever opened it.',
      },
      story: { inline: false, height: '760px' },
    },
  },
} satisfies Meta<typeof JobDetailsModal>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Failed: Story = { args: { run: failedDetails } };
export const Running: Story = { args: { run: runningDetails } };
export const CancelPending: Story = { args: { run: runningDetails, cancelPending: true } };
export const Viewer: Story = { args: { run: runningDetails, canManage: false } };
export const TooLarge: Story = { args: { run: tooLargeDetails } };
/** With `progressSamples` the run's progress over time is drawn above its params. */
export const WithProgressChart: Story = {
  args: {
    run: successDetails,
    progressSamples: [
      { at: '2026-12-05T10:00:00.000Z', percent: 0 },
      { at: '2026-12-05T10:00:20.000Z', percent: 35 },
      { at: '2026-12-05T10:00:40.000Z', percent: 70 },
      { at: '2026-12-05T10:01:00.000Z', percent: 100 },
    ],
  },
};
/** A finished run offers "Re-run with changes…": the run form, prefilled with its params. */
export const RerunWithChanges: Story = {
  args: { run: failedDetails, onRerunWithChanges: fn(), links: { rerunWithChanges: '#rerun-with-changes' } },
};
export const Loading: Story = { args: { run: null, loading: true } };
export const LoadError: Story = {
  args: { run: null, error: { error: 'Not found', details: 'No run #99999.', retryable: false } },
};

function WithOpener({ defaultOpen = false, ...args }: JobDetailsModalProps & { defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Details</Button>
      <JobDetailsModal {...args} open={open} onOpenChange={setOpen} />
    </>
  );
}

/** Escape closes the dialog and focus goes back to the button that opened it. */
export const EscapeReturnsFocus: Story = {
  args: { open: false },
  render: (args) => <WithOpener {...args} />,
  play: async ({ canvas }) => {
    const opener = canvas.getByRole('button', { name: 'Details' });
    await userEvent.click(opener);
    await expect(await screen.findByRole('dialog')).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(opener).toHaveFocus());
  },
};

export const AllStates: Story = {
  args: { open: false },
  render: (args) => (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {[
        ['Success', successDetails],
        ['Failed', failedDetails],
        ['Running', runningDetails],
        ['Too large', tooLargeDetails],
        ['Hostile', hostileDetails],
      ].map(([name, run]) => (
        // The failed run's dialog is open, so the matrix shows what users see, not only the openers.
        <WithOpener
          key={String(name)}
          {...args}
          run={run as JobDetailsModalProps['run']}
          defaultOpen={name === 'Failed'}
        />
      ))}
    </div>
  ),
};

function HugeMetadata(args: JobDetailsModalProps) {
  const run = useMemo(() => ({ ...hostileDetails, metadata: bigJson(5_000_000), tooLarge: {} }), []);
  return <JobDetailsModal {...args} run={run} />;
}

/** XSS strings, a 10 kB name, RTL text, a `javascript:` download link and 5 MB of metadata. */
export const Hostile: Story = {
  render: (args) => <HugeMetadata {...args} />,
  play: async () => {
    const dialog = await screen.findByRole('dialog');
    await expect(dialog.querySelector('img, b, script')).toBeNull();
    await expect(dialog.querySelectorAll('[role="treeitem"]').length).toBeLessThan(100);
  },
};
