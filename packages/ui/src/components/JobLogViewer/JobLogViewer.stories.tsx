import type { LogLine } from '@jobs/contracts';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo, useState } from 'react';
import { expect, userEvent, waitFor } from 'storybook/test';
import { HOSTILE_TEXT, makeLogLines, RTL_TEXT } from '../../testing/fixtures.js';
import { Button } from '../Button/index.js';
import { JobLogViewer, type JobLogViewerProps } from './JobLogViewer.js';

const meta = {
  title: 'Jobs/JobLogViewer',
  component: JobLogViewer,
  args: { lines: makeLogLines(200), label: 'Logs of match-scores #12847', height: 360 },
  parameters: {
    docs: {
      description: {
        component:
          'A run\'s log lines, oldest first; the host appends as `job_log` events arrive. Virtualized with @tanstack/react-virtual (fixed 20 px rows, 100,000 lines stay smooth). Follow tail: new lines scroll into view while following; scrolling up pauses, "N new" or the toggle resumes. Levels show as text and colour; JSON, URLs, quoted strings and numbers inside a line are highlighted with highlight.js (core + json + a small log-text grammar) and rebuilt as React elements, so log text is never HTML.',
      },
    },
  },
} satisfies Meta<typeof JobLogViewer>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Empty: Story = { args: { lines: [] } };
export const Loading: Story = { args: { lines: [], loading: true } };
export const StreamError: Story = { args: { error: 'Log stream unavailable: reconnecting…' } };
export const Paused: Story = { args: { defaultFollowing: false } };

const highlighted: LogLine[] = [
  {
    seq: 0,
    at: '2026-01-08T10:00:00.000Z',
    level: 'info',
    message: 'Processing batch 3 of 12 (250 users) in 118ms',
  },
  {
    seq: 1,
    at: '2026-01-08T10:00:00.010Z',
    level: 'info',
    message: 'GET https://api.example.com/v2/scores?page=4 answered 200',
  },
  {
    seq: 2,
    at: '2026-01-08T10:00:00.020Z',
    level: 'warn',
    message: `skipped user "anna.k" ('no consent'), 99.5% done`,
  },
  {
    seq: 3,
    at: '2026-01-08T10:00:00.030Z',
    level: 'info',
    message: 'batch done {"updated": 248, "skipped": 2, "dryRun": false}',
  },
  {
    seq: 4,
    at: '2026-01-08T10:00:00.040Z',
    level: 'error',
    message: 'upload of "media/7731.jpg" failed after 3 attempts: 503 from https://cdn.example.com',
  },
  { seq: 5, at: '2026-01-08T10:00:00.050Z', level: 'debug', message: "don't retry: it's a 4xx" },
];

/** What stands out in a line: URLs, quoted strings, numbers (with units) and JSON. */
export const Highlighting: Story = { args: { lines: highlighted, height: 160 } };

function HundredThousand(args: JobLogViewerProps) {
  const lines = useMemo(() => makeLogLines(100_000), []);
  return <JobLogViewer {...args} lines={lines} />;
}

export const HundredThousandLines: Story = {
  render: (args) => <HundredThousand {...args} />,
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('100,000 lines')).toBeVisible();
    await expect(canvasElement.querySelectorAll('li').length).toBeLessThan(100);
  },
};

function Streaming(args: JobLogViewerProps) {
  const [lines, setLines] = useState<LogLine[]>(() => makeLogLines(300));
  return (
    <div style={{ display: 'grid', gap: 8 }}>
      <Button onClick={() => setLines((prev) => [...prev, ...makeLogLines(50, prev.length)])}>
        Append 50 lines
      </Button>
      <JobLogViewer {...args} lines={lines} />
    </div>
  );
}

/** Following, new lines scroll into view; scrolled up, they do not, and "N new" offers a jump. */
export const FollowTail: Story = {
  render: (args) => <Streaming {...args} />,
  play: async ({ canvas, canvasElement }) => {
    const region = canvas.getByRole('region', { name: 'Logs of match-scores #12847' });
    const lastShown = () =>
      Math.max(...Array.from(canvasElement.querySelectorAll('li')).map((li) => Number(li.dataset.index)));
    await waitFor(() => expect(lastShown()).toBe(299));
    await userEvent.click(canvas.getByRole('button', { name: 'Append 50 lines' }));
    await waitFor(() => expect(lastShown()).toBe(349));

    region.scrollTop = 0;
    region.dispatchEvent(new Event('scroll'));
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: 'Follow tail' })).toHaveAttribute('aria-pressed', 'false'),
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Append 50 lines' }));
    await expect(region.scrollTop).toBe(0);
    await userEvent.click(await canvas.findByRole('button', { name: /50 new/ }));
    await waitFor(() => expect(lastShown()).toBe(399));
  },
};

export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <JobLogViewer {...args} height={200} />
      <JobLogViewer {...args} height={200} defaultFollowing={false} label="Paused" />
      <JobLogViewer {...args} height={160} lines={[]} loading label="Loading" />
      <JobLogViewer {...args} height={160} lines={[]} label="Empty" />
      <JobLogViewer {...args} height={160} error="Log stream unavailable" label="Error" />
    </div>
  ),
};

const hostileLines: LogLine[] = [
  { seq: 0, at: '2026-01-08T10:00:00.000Z', level: 'error', message: HOSTILE_TEXT },
  { seq: 1, at: '2026-01-08T10:00:00.010Z', level: 'warn', message: `payload {"html": "${HOSTILE_TEXT}"}` },
  { seq: 2, at: '2026-01-08T10:00:00.020Z', level: 'info', message: RTL_TEXT },
  { seq: 3, at: '2026-01-08T10:00:00.030Z', level: 'debug', message: `${'x'.repeat(8192)}… [truncated]` },
  { seq: 4, at: '2026-01-08T10:00:00.040Z', level: 'info', message: '</li><script>alert(1)</script>' },
];

export const Hostile: Story = {
  args: { lines: hostileLines },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('li')).toHaveLength(5));
    await expect(canvasElement.querySelector('img, script')).toBeNull();
  },
};
