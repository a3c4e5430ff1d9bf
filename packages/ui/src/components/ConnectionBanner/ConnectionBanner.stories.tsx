import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { NOW } from '../../testing/fixtures.js';
import { ConnectionBanner } from './ConnectionBanner.js';

const inSeconds = (s: number) => new Date(NOW.getTime() + s * 1000).toISOString();

const meta = {
  title: 'Feedback/ConnectionBanner',
  component: ConnectionBanner,
  args: { state: 'reconnecting', nextAttemptAt: inSeconds(4), attempt: 3, now: NOW, onRetryNow: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'The state of the live connection. Nothing shows while live (unless `showWhenLive`); while reconnecting or offline it says updates are paused, counts down to the next attempt, offers "Retry now" and warns "Data may be stale". Always one `role="status"` element, so changes are announced.',
      },
    },
  },
} satisfies Meta<typeof ConnectionBanner>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Next attempt in 4s (attempt 3).');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry now' }));
    await expect(args.onRetryNow).toHaveBeenCalledOnce();
  },
};
export const Connecting: Story = { args: { state: 'connecting' } };
export const Live: Story = { args: { state: 'live', showWhenLive: true } };
export const LiveHidden: Story = {
  args: { state: 'live' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toBeEmptyDOMElement();
  },
};
export const Reconnecting: Story = {};
export const Offline: Story = { args: { state: 'offline', nextAttemptAt: null } };

export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 8 }}>
      <ConnectionBanner {...args} state="connecting" />
      <ConnectionBanner {...args} state="live" showWhenLive />
      <ConnectionBanner {...args} state="reconnecting" />
      <ConnectionBanner {...args} state="offline" />
    </div>
  ),
};

/** The banner shows no free text; the edge cases are times: overdue and absurdly far. */
export const Hostile: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 8 }}>
      <ConnectionBanner {...args} nextAttemptAt={inSeconds(-30)} />
      <ConnectionBanner {...args} nextAttemptAt="not a date" />
      <ConnectionBanner {...args} nextAttemptAt={inSeconds(86_400 * 400)} attempt={1_000_000} />
    </div>
  ),
};
