import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { HOSTILE_TEXT, LONG_NAME, RTL_TEXT } from '../../testing/fixtures.js';
import { EmptyState } from './EmptyState.js';

const meta = {
  title: 'Jobs/EmptyState',
  component: EmptyState,
  args: { onAction: fn() },
  parameters: {
    docs: {
      description: {
        component: 'Shown when a list is empty, with a call to action such as "Start Processing".',
      },
    },
  },
} satisfies Meta<typeof EmptyState>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Start Processing' }));
    await expect(args.onAction).toHaveBeenCalledOnce();
  },
};
export const WithoutAction: Story = { args: { onAction: undefined } };
export const Custom: Story = {
  args: {
    title: 'No failed runs',
    description: 'Every run in the last 24 h succeeded.',
    actionLabel: 'Run New Job',
  },
};
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      <EmptyState onAction={() => {}} />
      <EmptyState />
      <EmptyState title="No matches" description="Try another filter." />
    </div>
  ),
};
export const Hostile: Story = {
  args: {
    title: HOSTILE_TEXT,
    description: `${RTL_TEXT} ${LONG_NAME.slice(0, 2000)}`,
    actionLabel: HOSTILE_TEXT,
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};
