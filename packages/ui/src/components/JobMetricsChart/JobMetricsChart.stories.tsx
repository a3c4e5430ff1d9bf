import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { HOSTILE_TEXT } from '../../testing/fixtures.js';
import { JobMetricsChart } from './JobMetricsChart.js';

const start = Date.UTC(2026, 0, 7, 11, 0, 0);
const day = Array.from({ length: 24 }, (_, i) => ({
  at: new Date(start + i * 3_600_000).toISOString(),
  success: 20 + ((i * 37) % 45),
  failed: i % 6 === 0 ? 6 : i % 4,
  cancelled: i % 9 === 0 ? 2 : 0,
}));

const meta = {
  title: 'Jobs/JobMetricsChart',
  component: JobMetricsChart,
  args: { buckets: day, label: 'Runs finished per hour, last 24 h' },
  parameters: {
    docs: {
      description: {
        component:
          'Throughput (stacked success/failed/cancelled bars) and failure rate (dashed line, 0–100 %) per bucket, as SVG. `buckets: { at, success, failed, cancelled }[]`, oldest first. A text summary names the chart; "Show data table" lists every bucket.',
      },
    },
  },
} satisfies Meta<typeof JobMetricsChart>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Quiet: Story = {
  args: { buckets: day.map((b, i) => (i < 20 ? { ...b, success: 0, failed: 0, cancelled: 0 } : b)) },
};
export const BadDay: Story = { args: { buckets: day.map((b) => ({ ...b, failed: b.success })) } };
export const Empty: Story = { args: { buckets: [] } };
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <JobMetricsChart {...args} />
      <JobMetricsChart buckets={day.slice(0, 6)} label="Six hours" />
      <JobMetricsChart buckets={[]} label="Nothing finished" />
    </div>
  ),
};
const ranges = [
  { value: '1h', label: 'Last hour', href: '?range=1h' },
  { value: '24h', label: 'Last 24 hours', href: '?range=24h' },
  { value: '7d', label: 'Last 7 days', href: '?range=7d' },
];

/**
 * With a range switch: links that work without JavaScript (`href`), handed to `onRangeChange`
 * on a plain click when the host is hydrated. The buckets carry duration percentiles, listed in the
 * data table.
 */
export const WithRanges: Story = {
  args: {
    ranges,
    range: '24h',
    onRangeChange: fn(),
    label: 'Finished runs per hour and failure rate',
    buckets: day.map((b, i) => ({
      ...b,
      p50Ms: 800 + i * 100,
      p95Ms: i % 5 === 0 ? null : 12_000 + i * 900,
    })),
  },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('link', { name: 'Last 24 hours' })).toHaveAttribute('aria-current', 'page');
    await userEvent.click(canvas.getByRole('link', { name: 'Last 7 days' }));
    await expect(args.onRangeChange).toHaveBeenCalledWith(ranges[2]);
    await expect(
      canvas.getByRole('columnheader', { name: 'Duration p95', hidden: true }),
    ).toBeInTheDocument();
  },
};

export const Hostile: Story = {
  args: {
    label: HOSTILE_TEXT,
    buckets: [...day, { at: 'not a date', success: 1e6, failed: 0, cancelled: 0 }],
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};
