import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { JobStatusBadge } from './JobStatusBadge.js';
import { UI_STATUSES } from './status-meta.js';

const meta = {
  title: 'Jobs/JobStatusBadge',
  component: JobStatusBadge,
  args: { status: 'RUNNING' },
  parameters: {
    docs: {
      description: {
        component:
          'A run status as icon, text and colour, never colour alone. `CANCEL_REQUESTED` is the UI-only state of a run whose cancel was asked for: pass `uiStatusOf(run, cancelPending)`.',
      },
    },
  },
} satisfies Meta<typeof JobStatusBadge>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Queued: Story = { args: { status: 'QUEUED' } };
export const Running: Story = { args: { status: 'RUNNING' } };
export const Success: Story = { args: { status: 'SUCCESS' } };
export const Failed: Story = { args: { status: 'FAILED' } };
export const Cancelled: Story = { args: { status: 'CANCELLED' } };
export const CancelRequested: Story = {
  args: { status: 'CANCEL_REQUESTED' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Stopping…')).toBeVisible();
  },
};
export const IconOnly: Story = {
  args: { status: 'FAILED', display: 'icon' },
  play: async ({ canvas }) => {
    // The label stays in the accessibility tree even when only the icon shows.
    await expect(canvas.getByText('Failed')).toBeInTheDocument();
  },
};

export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 8, gridTemplateColumns: 'repeat(2, max-content)' }}>
      {UI_STATUSES.map((status) => (
        <div key={status} style={{ display: 'contents' }}>
          <JobStatusBadge status={status} />
          <JobStatusBadge status={status} display="icon" />
        </div>
      ))}
    </div>
  ),
};

/** A badge takes no free text, so the hostile case is an unknown status from a newer server. */
export const Hostile: Story = {
  render: () => (
    <p dir="rtl">
      مرحبا <JobStatusBadge status="FAILED" /> {'<img src=x onerror=alert(1)>'}
    </p>
  ),
};
