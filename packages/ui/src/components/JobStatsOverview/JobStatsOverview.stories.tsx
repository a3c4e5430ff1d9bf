import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test';
import { cancelRequestedRun, HOSTILE_TEXT, NOW, runningRun, stats } from '../../testing/fixtures.js';
import { JobStatsOverview } from './JobStatsOverview.js';

const stalled = [runningRun, cancelRequestedRun];

const meta = {
  title: 'Jobs/JobStatsOverview',
  component: JobStatsOverview,
  args: {
    stats,
    now: NOW,
    onRefresh: fn(),
    onPreviewCleanup: fn(async () => stalled),
    onCleanup: fn(async () => {}),
  },
  decorators: [(Story) => <div style={{ maxWidth: 760 }}>{Story()}</div>],
  parameters: {
    docs: {
      description: {
        component:
          'Active, queued and last-24 h counts with a manual Refresh (no auto-refresh: the numbers change when someone asks), "Updated 2s ago", a stale warning after a minute, and "Clean Up Stalled Jobs", which previews the dry run and asks before cleaning.',
      },
    },
  },
} satisfies Meta<typeof JobStatsOverview>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, args }) => {
    await expect(canvas.getByText('2s ago')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Refresh' }));
    await expect(args.onRefresh).toHaveBeenCalledOnce();
  },
};
export const Loading: Story = { args: { stats: null, loading: true } };
export const Refreshing: Story = { args: { loading: true } };
export const NoData: Story = { args: { stats: null } };
export const Stale: Story = {
  args: { stats: { ...stats, asOf: new Date(NOW.getTime() - 3 * 60_000).toISOString() } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/Data may be stale/)).toBeVisible();
  },
};
export const RefreshFailed: Story = { args: { error: 'Service unavailable (503)' } };
export const BigNumbers: Story = {
  args: {
    stats: {
      ...stats,
      active: 12_345,
      queued: 1_000_000,
      last24h: { total: 9_876_543, success: 9_800_000, failed: 76_000, cancelled: 543 },
    },
  },
};

/** Clean Up previews the dry run, then confirms; Escape closes and focus returns. */
export const CleanUpStalled: Story = {
  play: async ({ canvas, args }) => {
    const trigger = canvas.getByRole('button', { name: 'Clean Up Stalled Jobs' });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole('alertdialog', { name: 'Clean up 2 stalled jobs?' });
    await expect(dialog).toHaveTextContent('media-metadata (#12850)');
    await expect(args.onPreviewCleanup).toHaveBeenCalledOnce();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await expect(trigger).toHaveFocus();
    await expect(args.onCleanup).not.toHaveBeenCalled();
    await userEvent.click(trigger);
    await userEvent.click(await screen.findByRole('button', { name: 'Clean Up' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await expect(args.onCleanup).toHaveBeenCalledOnce();
  },
};

export const NothingToClean: Story = {
  args: { onPreviewCleanup: fn(async () => []) },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Clean Up Stalled Jobs' }));
    await expect(await screen.findByText('No stalled jobs found.')).toBeVisible();
    await expect(screen.getByRole('button', { name: 'Clean Up' })).toBeDisabled();
    await userEvent.keyboard('{Escape}');
  },
};

export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <JobStatsOverview {...args} />
      <JobStatsOverview {...args} title="Loading" stats={null} loading />
      <JobStatsOverview
        {...args}
        title="Stale"
        stats={{ ...stats, asOf: new Date(NOW.getTime() - 120_000).toISOString() }}
      />
      <JobStatsOverview {...args} title="Refresh failed" error="Service unavailable (503)" />
    </div>
  ),
};

export const Hostile: Story = {
  args: { error: `${HOSTILE_TEXT} مرحبا ${'x'.repeat(3000)}` },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};
