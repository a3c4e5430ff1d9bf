import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen } from 'storybook/test';
import { failedRun, HOSTILE_TEXT, makeLogLines, runningRun } from '../../testing/fixtures.js';
import { JobLogsModal } from './JobLogsModal.js';

const meta = {
  title: 'Jobs/JobLogsModal',
  component: JobLogsModal,
  args: {
    open: true,
    run: runningRun,
    lines: makeLogLines(500),
    streaming: true,
    onOpenChange: fn(),
    onRetry: fn(),
  },
  parameters: {
    docs: {
      description: {
        component:
          "JobLogViewer in a large Radix dialog. The host subscribes to the run's log (`logs:subscribe`) while it is open and passes the lines; `streaming` says whether that subscription is live.",
      },
      story: { inline: false, height: '760px' },
    },
  },
} satisfies Meta<typeof JobLogsModal>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Paused: Story = { args: { streaming: false } };
export const Finished: Story = { args: { run: failedRun, streaming: false } };
export const Loading: Story = { args: { lines: [], loading: true } };
export const StreamError: Story = { args: { streaming: false, error: 'Could not load the log (502).' } };
export const AllStates: Story = {
  args: { lines: [], loading: true, error: 'Could not load the log (502).' },
};
export const Hostile: Story = {
  args: {
    run: { ...runningRun, jobName: `${HOSTILE_TEXT} ${'n'.repeat(10_000)}` },
    lines: [{ seq: 0, at: '2026-01-08T10:00:00.000Z', level: 'error', message: HOSTILE_TEXT }],
  },
  play: async () => {
    const dialog = await screen.findByRole('dialog');
    await expect(dialog.querySelector('img')).toBeNull();
  },
};
