import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test';
import { HOSTILE_TEXT, RTL_TEXT } from '../../testing/fixtures.js';
import { Button } from '../Button/Button.js';
import { type ToastMessage, Toasts } from './Toasts.js';
import { useToastQueue } from './useToastQueue.js';

// The static states stay up for an hour: a review or a screenshot on a slow machine must not race the
// 5 s expiry (DismissByClose and the unit tests cover closing).
const HOUR = 3_600_000;

const samples: ToastMessage[] = [
  {
    id: '1',
    tone: 'success',
    title: 'Job enqueued: #12850',
    description: 'match-scores is queued.',
    durationMs: HOUR,
  },
  {
    id: '2',
    tone: 'error',
    title: 'Failed to cancel job',
    description: 'The run had already finished.',
    action: { label: 'Retry', altText: 'Cancel again from the run card', onClick: () => {} },
  },
  { id: '3', tone: 'info', title: 'Cleaned 2 stalled jobs', durationMs: HOUR },
  { id: '4', tone: 'warning', title: 'Another instance of this job is running', durationMs: HOUR },
];

const meta = {
  title: 'Feedback/Toasts',
  component: Toasts,
  args: { toasts: samples, onDismiss: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'Notifications on Radix Toast: one labelled region (F8 focuses it), errors announced assertively and kept until dismissed, others polite and gone after 5 s. The host owns the list; `useToastQueue()` is a minimal one.',
      },
      story: { inline: false, height: '420px' },
    },
  },
} satisfies Meta<typeof Toasts>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Success: Story = { args: { toasts: [samples[0]!] } };
export const ErrorWithAction: Story = { args: { toasts: [samples[1]!] } };
export const Empty: Story = { args: { toasts: [] } };

function Demo() {
  const queue = useToastQueue();
  return (
    <>
      <Button onClick={() => queue.push({ tone: 'success', title: 'Job enqueued: #12851' })}>Enqueue</Button>
      <Toasts toasts={queue.toasts} onDismiss={queue.dismiss} />
    </>
  );
}

export const DismissByClose: Story = {
  render: () => <Demo />,
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Enqueue' }));
    await expect(await screen.findByText('Job enqueued: #12851')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText('Job enqueued: #12851')).toBeNull());
    await expect(screen.getAllByRole('region').length).toBe(1);
  },
};

export const AllStates: Story = {};

export const Hostile: Story = {
  args: {
    toasts: [
      { id: 'h1', tone: 'error', title: HOSTILE_TEXT, description: `${RTL_TEXT} ${'x'.repeat(10_000)}` },
    ],
  },
  play: async () => {
    const region = await screen.findByRole('region');
    await expect(region.querySelector('img')).toBeNull();
  },
};
