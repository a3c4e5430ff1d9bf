import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  cancelledRun,
  failedRun,
  HOSTILE_TEXT,
  hostileRun,
  NOW,
  runningRun,
  successRun,
} from '../../testing/fixtures.js';
import { JobHistoryList, type JobHistoryListProps, rangeLabel } from './JobHistoryList.js';

function setup(overrides: Partial<JobHistoryListProps> = {}) {
  const props: JobHistoryListProps = {
    runs: [successRun, failedRun, cancelledRun],
    total: 1247,
    page: 1,
    pageSize: 50,
    filters: {},
    jobNames: ['match-scores', 'media-metadata', 'feed-presort'],
    now: NOW,
    onPageChange: vi.fn(),
    onFilterChange: vi.fn(),
    onViewDetails: vi.fn(),
    ...overrides,
  };
  return { ...render(<JobHistoryList {...props} />), props };
}

describe('JobHistoryList', () => {
  it('keeps elapsed and finished times moving without a fixed time', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(NOW);
      const running = {
        ...runningRun,
        id: '9001',
        startedAt: new Date(NOW.getTime() - 10_000).toISOString(),
      };
      setup({ runs: [running, successRun], now: undefined });
      const [first, second] = screen.getAllByRole('listitem');
      expect(first).toHaveTextContent('Running for 10s');
      expect(second).toHaveTextContent('Finished: 5m ago');
      act(() => vi.advanceTimersByTime(5000));
      expect(first).toHaveTextContent('Running for 15s');
      act(() => vi.advanceTimersByTime(60_000));
      expect(second).toHaveTextContent('Finished: 6m ago');
    } finally {
      vi.useRealTimers();
    }
  });

  it('lists runs with trigger, duration, finished time and inline error', () => {
    setup({ runs: [successRun, failedRun] });
    const [first, second] = screen.getAllByRole('listitem');
    expect(first).toHaveTextContent(/Manual.*2m 5s.*Finished.*5m ago/);
    expect(second).toHaveTextContent(/Cron.*Failed after 34s/);
    expect(second).toHaveTextContent('Error: Database timeout');
    expect(second?.querySelector('[data-status]')).toHaveAttribute('data-status', 'FAILED');
  });

  it('says which runs show, with grouped numbers, and pages', () => {
    const { props } = setup({
      page: 2,
      runs: Array.from({ length: 50 }, (_, i) => ({ ...successRun, id: `${i}` })),
    });
    expect(screen.getByText('Showing 51-100 of 1,247')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Next/ }));
    fireEvent.click(screen.getByRole('button', { name: /Prev/ }));
    expect(props.onPageChange).toHaveBeenNthCalledWith(1, 3);
    expect(props.onPageChange).toHaveBeenNthCalledWith(2, 1);
  });

  it('disables Prev on the first page and Next on the last', () => {
    setup({ total: 3 });
    expect(screen.getByRole('button', { name: /Prev/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: /Next/ })).toBeDisabled();
  });

  it('filters by job and status at once', () => {
    const { props } = setup({ filters: { status: 'FAILED' } });
    // A picked job name applies at once; partial text waits for Enter (the form's submit).
    fireEvent.change(screen.getByLabelText('Filter by job'), { target: { value: 'feed-presort' } });
    expect(props.onFilterChange).toHaveBeenCalledWith({ status: 'FAILED', jobName: 'feed-presort' });
    const statuses = screen.getByRole('group', { name: 'Filter by status' });
    expect(within(statuses).getByRole('button', { name: /Failed/ })).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(within(statuses).getByRole('button', { name: 'All statuses' }));
    expect(props.onFilterChange).toHaveBeenLastCalledWith({ status: undefined });
  });

  it('status filters draw the icons fonts lack (⏸ and 🔄 would show as empty boxes)', () => {
    setup();
    const queued = within(screen.getByRole('group', { name: 'Filter by status' })).getByRole('button', {
      name: 'Queued',
    });
    expect(queued.querySelector('svg')).not.toBeNull();
    expect(queued).not.toHaveTextContent('⏸');
  });

  it('has no <select>: a dialog’s own picker stays the page’s only one', () => {
    const { container } = setup();
    expect(container.querySelector('select')).toBeNull();
  });

  it('with addresses, pages, filters and details are links and the toolbar a GET form', () => {
    const { props, container } = setup({
      page: 2,
      filters: { jobName: 'match-scores' },
      pageHref: (page) => `?page=${page}`,
      filterHref: (f) => `?job=${f.jobName ?? ''}&status=${f.status ?? ''}`,
      runHref: (run) => `/runs/${run.id}`,
    });
    expect(screen.getByRole('link', { name: 'Prev' })).toHaveAttribute('href', '?page=1');
    expect(screen.getByRole('link', { name: 'Next' })).toHaveAttribute('href', '?page=3');
    const statuses = screen.getByRole('group', { name: 'Filter by status' });
    expect(within(statuses).getByRole('link', { name: /Cancelled/ })).toHaveAttribute(
      'href',
      '?job=match-scores&status=CANCELLED',
    );
    expect(within(statuses).getByRole('link', { name: 'All statuses' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    expect(screen.getByRole('link', { name: /^Details of media-metadata/ })).toHaveAttribute(
      'href',
      `/runs/${failedRun.id}`,
    );
    const form = container.querySelector('form[method="get"]');
    expect(form).toHaveAttribute('method', 'get');
    expect(container.querySelector('input[name="job"]')).toHaveValue('match-scores');
    expect(container.querySelector('input[name="q"]')).not.toBeNull();
    // A plain click routes through the callbacks instead of loading the address.
    fireEvent.click(screen.getByRole('link', { name: 'Next' }));
    expect(props.onPageChange).toHaveBeenCalledWith(3);
    fireEvent.click(within(statuses).getByRole('link', { name: /Cancelled/ }));
    expect(props.onFilterChange).toHaveBeenLastCalledWith({ jobName: 'match-scores', status: 'CANCELLED' });
    fireEvent.click(screen.getByRole('link', { name: /^Details of media-metadata/ }));
    expect(props.onViewDetails).toHaveBeenCalledWith(failedRun);
  });

  it('a typed job name applies on Enter (the form submits)', () => {
    const { props, container } = setup();
    fireEvent.change(screen.getByLabelText('Filter by job'), { target: { value: 'match' } });
    expect(props.onFilterChange).not.toHaveBeenCalled();
    fireEvent.submit(container.querySelector('form[method="get"]') as HTMLFormElement);
    expect(props.onFilterChange).toHaveBeenCalledWith({ jobName: 'match', q: undefined });
  });

  it('passes the clicked run to onViewDetails', () => {
    const { props } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Details of media-metadata #12845' }));
    expect(props.onViewDetails).toHaveBeenCalledWith(failedRun);
  });

  it('shows loading, empty, filtered-empty and error states', () => {
    const { rerender, props } = setup({ runs: [], loading: true });
    expect(screen.getByText('Loading history…')).toBeInTheDocument();
    rerender(<JobHistoryList {...props} runs={[]} total={0} loading={false} />);
    expect(screen.getByText('No runs yet.')).toBeInTheDocument();
    rerender(<JobHistoryList {...props} runs={[]} total={0} loading={false} filters={{ jobName: 'x' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(props.onFilterChange).toHaveBeenCalledWith({});
    const onRetry = vi.fn();
    rerender(<JobHistoryList {...props} page={4} error="Gateway timeout" onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load the history. Gateway timeout');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledWith(4);
  });

  it('offers new runs instead of moving rows', () => {
    const onShowNewRuns = vi.fn();
    setup({ newRunsCount: 3, onShowNewRuns });
    fireEvent.click(screen.getByRole('button', { name: /3 new runs/ }));
    expect(onShowNewRuns).toHaveBeenCalledWith(3);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('renders hostile text as text', () => {
    const { container } = setup({
      runs: [{ ...hostileRun, status: 'FAILED', error: { message: HOSTILE_TEXT } }],
    });
    expect(container.querySelector('img')).toBeNull();
    expect(
      within(screen.getByRole('listitem')).getAllByText(HOSTILE_TEXT, { exact: false }).length,
    ).toBeGreaterThan(0);
  });

  it('passes className through for the host', () => {
    const { container } = setup({ className: 'job-history' });
    expect(container.querySelector('section')).toHaveClass('job-history');
  });
});

describe('JobHistoryList search', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces the search box by 300 ms', () => {
    const { props } = setup({ filters: { jobName: 'match-scores' } });
    const box = screen.getByLabelText('Search runs');
    fireEvent.change(box, { target: { value: 'time' } });
    fireEvent.change(box, { target: { value: 'timeout' } });
    act(() => vi.advanceTimersByTime(299));
    expect(props.onFilterChange).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(props.onFilterChange).toHaveBeenCalledTimes(1);
    expect(props.onFilterChange).toHaveBeenCalledWith({ jobName: 'match-scores', q: 'timeout' });
  });
});

describe('JobHistoryList search box and a slow host', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps keys typed after a search was sent, and follows the host when it changes q itself', () => {
    const { rerender, props } = setup();
    const box = () => screen.getByLabelText('Search runs') as HTMLInputElement;
    fireEvent.change(box(), { target: { value: 'time' } });
    act(() => vi.advanceTimersByTime(300));
    fireEvent.change(box(), { target: { value: 'timeo' } });
    rerender(<JobHistoryList {...props} filters={{ q: 'time' }} />);
    expect(box().value).toBe('timeo');
    rerender(<JobHistoryList {...props} filters={{}} />);
    expect(box().value).toBe('');
  });
});

describe('rangeLabel', () => {
  it('handles empty and partial pages', () => {
    expect(rangeLabel(1, 50, 0, 0)).toBe('No runs');
    expect(rangeLabel(25, 50, 47, 1247)).toBe('Showing 1,201-1,247 of 1,247');
  });
});
