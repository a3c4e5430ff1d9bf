import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { HOSTILE_TEXT, RTL_TEXT } from '../../testing/fixtures.js';
import { JobProgressChart } from './JobProgressChart.js';

const t0 = Date.UTC(2026, 0, 8, 10, 20, 0);
const steady = Array.from({ length: 61 }, (_, i) => ({
  at: new Date(t0 + i * 3000).toISOString(),
  percent: Math.min(67, i * 1.2 + (i % 7 === 0 ? 2 : 0)),
}));
const stalled = [
  ...steady.slice(0, 30),
  ...Array.from({ length: 30 }, (_, i) => ({
    at: new Date(t0 + (30 + i) * 3000).toISOString(),
    percent: 36,
  })),
];

const meta = {
  title: 'Jobs/JobProgressChart',
  component: JobProgressChart,
  args: { samples: steady, label: 'Progress of match-scores #12847' },
  parameters: {
    docs: {
      description: {
        component:
          'Progress over time for one run, as a small SVG (no chart library, decision 031). The SVG is `role="img"` named by its label and a text summary; "Show data table" gives the numbers. Draws at most 300 points and tables 50 rows, however many samples come in.',
      },
    },
  },
} satisfies Meta<typeof JobProgressChart>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Stalled: Story = { args: { samples: stalled } };
export const Complete: Story = {
  args: { samples: [...steady, { at: new Date(t0 + 200_000).toISOString(), percent: 100 }] },
};
export const Empty: Story = { args: { samples: [] } };
export const SingleSample: Story = { args: { samples: [{ at: new Date(t0).toISOString(), percent: 12 }] } };
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16, maxWidth: 640 }}>
      <JobProgressChart {...args} />
      <JobProgressChart samples={stalled} label="Stalled" />
      <JobProgressChart samples={[]} label="Empty" />
    </div>
  ),
};
export const Hostile: Story = {
  args: {
    label: `${HOSTILE_TEXT} ${RTL_TEXT}`,
    samples: [
      ...steady,
      { at: 'garbage', percent: 50 },
      { at: new Date(t0 + 1).toISOString(), percent: 1e9 },
    ],
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};
