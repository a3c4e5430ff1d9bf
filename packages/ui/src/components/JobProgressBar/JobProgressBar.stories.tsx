import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { HOSTILE_TEXT, LONG_NAME, RTL_TEXT } from '../../testing/fixtures.js';
import { JobProgressBar } from './JobProgressBar.js';

const meta = {
  title: 'Jobs/JobProgressBar',
  component: JobProgressBar,
  args: { percent: 67, message: 'Processing batch 3/5', label: 'match-scores progress' },
  decorators: [(Story) => <div style={{ maxWidth: 480 }}>{Story()}</div>],
  parameters: {
    docs: {
      description: {
        component:
          'Progress of one run. Pass `percent` (0–100, clamped) for a determinate bar, or leave it out for an indeterminate one. Exposes `role="progressbar"` with `aria-valuenow`.',
      },
    },
  },
} satisfies Meta<typeof JobProgressBar>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const bar = canvas.getByRole('progressbar', { name: 'match-scores progress' });
    await expect(bar).toHaveAttribute('aria-valuenow', '67');
  },
};
export const Empty: Story = { args: { percent: 0, message: 'Starting' } };
export const Complete: Story = { args: { percent: 100, message: 'Done' } };
export const Indeterminate: Story = {
  args: { percent: null, message: 'Presorting users' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow');
  },
};
export const WithoutMessage: Story = { args: { message: null } };
export const OutOfRange: Story = { args: { percent: 250, message: 'Clamped to 100%' } };

export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      <JobProgressBar percent={0} message="Starting" label="zero" />
      <JobProgressBar percent={23} message="Presorting users" label="partial" />
      <JobProgressBar percent={100} label="complete" />
      <JobProgressBar message="Waiting for lock" label="indeterminate" />
    </div>
  ),
};

export const Hostile: Story = {
  args: { percent: 12, message: `${HOSTILE_TEXT} ${RTL_TEXT} ${LONG_NAME}`, label: HOSTILE_TEXT },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};
