import type { JobRunSummary } from '@jobs/contracts';
import { makeSummary } from '@jobs/contracts/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import {
  cancelledRun,
  failedRun,
  HOSTILE_TEXT,
  hostileRun,
  LONG_NAME,
  longNameRun,
  minutesAgo,
  NOW,
  RTL_TEXT,
  storyTimes,
  successRun,
} from '../../testing/fixtures.js';
import { Button } from '../Button/index.js';
import { type HistoryFilters, JobHistoryList, type JobHistoryListProps } from './JobHistoryList.js';

const runs: JobRunSummary[] = [
  successRun,
  failedRun,
  cancelledRun,
  makeSummary({
    ...storyTimes,
    id: '12843',
    jobName: 'trending',
    trigger: 'RETRY',
    durationMs: 4200,
    finishedAt: minutesAgo(30),
  }),
];

const meta = {
  title: 'Jobs/JobHistoryList',
  component: JobHistoryList,
  args: {
    runs,
    total: 1247,
    page: 1,
    pageSize: 50,
    filters: {},
    jobNames: ['match-scores', 'media-metadata', 'feed-presort', 'trending'],
    now: NOW,
    onPageChange: fn(),
    onFilterChange: fn(),
    onViewDetails: fn(),
    onRetry: fn(),
    onShowNewRuns: fn(),
    actions: <Button variant="primary">Run New Job</Button>,
  },
  parameters: {
    docs: {
      description: {
        component:
          'The run history. Server-paged: the host fetches and passes `runs`, `total`, `page`; the list calls `onPageChange(page)` and `onFilterChange(filters)` (search debounced 300 ms). New runs never push rows under the cursor: pass `newRunsCount` and handle `onShowNewRuns`. Rows are `JobRunCard variant="history"`.',
      },
    },
  },
} satisfies Meta<typeof JobHistoryList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Filtered: Story = {
  args: {
    filters: { jobName: 'media-metadata', status: 'FAILED', q: 'timeout' },
    runs: [failedRun],
    total: 1,
  },
};
export const Loading: Story = { args: { runs: [], total: 0, loading: true } };
export const Refreshing: Story = { args: { loading: true } };
export const Empty: Story = { args: { runs: [], total: 0 } };
export const EmptyFiltered: Story = { args: { runs: [], total: 0, filters: { status: 'CANCELLED' } } };
export const LoadError: Story = { args: { error: 'The jobs API did not answer (502).' } };
export const NewRuns: Story = { args: { newRunsCount: 3 } };
export const LastPage: Story = { args: { page: 25, total: 1203, runs: runs.slice(0, 3) } };

function Interactive(args: JobHistoryListProps) {
  const [filters, setFilters] = useState<HistoryFilters>({});
  const [page, setPage] = useState(1);
  const shown = args.runs.filter(
    (r) =>
      (!filters.jobName || r.jobName === filters.jobName) && (!filters.status || r.status === filters.status),
  );
  return (
    <JobHistoryList
      {...args}
      runs={shown}
      total={shown.length}
      filters={filters}
      page={page}
      onPageChange={setPage}
      onFilterChange={(f) => {
        args.onFilterChange(f);
        setFilters(f);
      }}
    />
  );
}

/**
 * A host that keeps the history in the URL: Prev/Next, the status choices and each run's Details are
 * links, the toolbar a GET form, so the list works without JavaScript. A plain click still calls back.
 */
export const WithLinks: Story = {
  args: {
    page: 2,
    filters: { jobName: 'media-metadata' },
    pageHref: (page) => `?job=media-metadata&page=${page}`,
    filterHref: (f) => `?job=${f.jobName ?? ''}&status=${f.status ?? ''}`,
    runHref: (run) => `/admin/jobs/runs/${run.id}`,
  },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('link', { name: 'Next' })).toHaveAttribute(
      'href',
      '?job=media-metadata&page=3',
    );
    const statuses = canvas.getByRole('group', { name: 'Filter by status' });
    await expect(statuses).toBeVisible();
    await userEvent.click(canvas.getByRole('link', { name: 'Prev' }));
    await expect(args.onPageChange).toHaveBeenCalledWith(1);
  },
};

/** Filtering by status narrows the list; typing in search reports once, after the pause. */
export const FilterAndSearch: Story = {
  render: (args) => <Interactive {...args} />,
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: /Failed/ }));
    await expect(canvas.getAllByRole('listitem')).toHaveLength(1);
    await expect(canvas.getByText('Showing 1-1 of 1')).toBeVisible();
    await userEvent.type(canvas.getByLabelText('Search runs'), 'timeout');
    await waitFor(() =>
      expect(args.onFilterChange).toHaveBeenLastCalledWith({ status: 'FAILED', q: 'timeout' }),
    );
  },
};

export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 16 }}>
      <JobHistoryList {...args} newRunsCount={2} title="Ready, with new runs" />
      <JobHistoryList {...args} runs={[]} total={0} loading title="Loading" />
      <JobHistoryList {...args} runs={[]} total={0} title="Empty" />
      <JobHistoryList {...args} error="Gateway timeout" title="Error" />
    </div>
  ),
};

export const Hostile: Story = {
  args: {
    runs: [
      {
        ...hostileRun,
        status: 'FAILED',
        finishedAt: minutesAgo(1),
        error: { message: `${HOSTILE_TEXT} ${RTL_TEXT}` },
      },
      longNameRun,
      makeSummary({ ...storyTimes, id: '1', jobName: RTL_TEXT }),
    ],
    jobNames: [HOSTILE_TEXT, LONG_NAME.slice(0, 300), RTL_TEXT],
    filters: { q: HOSTILE_TEXT },
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull();
  },
};
