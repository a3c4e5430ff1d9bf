import type { ApiError, JobRunSummary } from '@jobs/contracts';
import { type ReactNode, useEffect, useRef } from 'react';
import { followUnlessHandled } from '../../lib/followLink.js';
import { formatCount } from '../../lib/index.js';
import { Button } from '../Button/index.js';
import { JobRunCard } from '../JobRunCard/index.js';
import { type HistoryFilters, HistoryToolbar } from './HistoryToolbar.js';
import styles from './JobHistoryList.module.css';

export type { HistoryFilters } from './HistoryToolbar.js';

export interface JobHistoryListProps {
  runs: readonly JobRunSummary[];
  /** runs matching the filters on the server */
  total: number;
  /** 1-based */
  page: number;
  pageSize: number;
  filters: HistoryFilters;
  /** the job filter's options */
  jobNames: readonly string[];
  loading?: boolean;
  error?: ApiError | string | null;
  /** runs finished since this page was loaded; shown as a button instead of moving rows */
  newRunsCount?: number;
  /** a fixed reference time for "Finished: 5m ago" (stories, screenshots); by default the shared clock, ticking */
  now?: Date;
  /** whether a next page exists when the host pages by cursor; by default page × pageSize < total */
  hasNextPage?: boolean;
  onPageChange: (page: number) => void;
  onFilterChange: (filters: HistoryFilters) => void;
  onViewDetails: (run: JobRunSummary) => void;
  onRetry?: (page: number) => void;
  onShowNewRuns?: (count: number) => void;
  /**
   * Addresses for a host that routes by URL. With them, Prev/Next, the status choices, Clear filters
   * and each run's Details are real links and the filter box a GET form, so the list pages and
   * filters without JavaScript; a plain click still calls the matching `on…` callback.
   */
  pageHref?: (page: number) => string;
  filterHref?: (filters: HistoryFilters) => string;
  runHref?: (run: JobRunSummary) => string;
  /** toolbar slot, e.g. the host's "Run New Job" button */
  actions?: ReactNode;
  className?: string;
  title?: string;
}

/** "Showing 1-50 of 1,247" */
export function rangeLabel(page: number, pageSize: number, shown: number, total: number): string {
  if (shown === 0 || total === 0) return 'No runs';
  const first = (page - 1) * pageSize + 1;
  return `Showing ${formatCount(first)}-${formatCount(first + shown - 1)} of ${formatCount(total)}`;
}

/**
 * The run history: server-paged, filterable, never moving rows under the cursor.
 * The root is an unnamed section (not a landmark): hosts wrap it in their own labelled region.
 */
export function JobHistoryList(props: JobHistoryListProps) {
  const { runs, total, page, pageSize, filters, loading = false, error = null, newRunsCount = 0 } = props;
  const hasNext = props.hasNextPage ?? page * pageSize < total;
  const filtered = Boolean(filters.jobName || filters.status || filters.q);
  const state = error
    ? 'error'
    : loading && runs.length === 0
      ? 'loading'
      : runs.length === 0
        ? 'empty'
        : 'ready';
  const heading = useTopOnPageTurn(page);

  return (
    <section
      className={[styles.root, props.className].filter(Boolean).join(' ')}
      data-state={state}
      aria-busy={loading || undefined}
    >
      <h2 ref={heading.ref} tabIndex={-1} className={styles.title}>
        {props.title ?? 'Job History'}
      </h2>
      <HistoryToolbar
        filters={filters}
        jobNames={props.jobNames}
        onFilterChange={props.onFilterChange}
        {...(props.filterHref ? { filterHref: props.filterHref } : {})}
        actions={props.actions}
      />
      {newRunsCount > 0 && props.onShowNewRuns ? (
        <button type="button" className={styles.newRuns} onClick={() => props.onShowNewRuns?.(newRunsCount)}>
          <span aria-hidden="true">↑</span> {formatCount(newRunsCount)} new{' '}
          {newRunsCount === 1 ? 'run' : 'runs'} — show
        </button>
      ) : null}
      {state === 'error' ? (
        <div className={styles.error} role="alert">
          <p>
            <strong>Could not load the history.</strong> {typeof error === 'string' ? error : error?.details}
          </p>
          {props.onRetry ? <Button onClick={() => props.onRetry?.(page)}>Retry</Button> : null}
        </div>
      ) : state === 'loading' ? (
        <p className={styles.placeholder} role="status">
          Loading history…
        </p>
      ) : state === 'empty' ? (
        <div className={styles.placeholder}>
          <p>{filtered ? 'No runs match these filters.' : 'No runs yet.'}</p>
          {filtered ? (
            <LinkOrButton href={props.filterHref?.({})} onClick={() => props.onFilterChange({})}>
              Clear filters
            </LinkOrButton>
          ) : null}
        </div>
      ) : (
        <ul className={styles.list} aria-label="Job runs">
          {runs.map((run) => (
            <li key={run.id} className={styles.row}>
              <JobRunCard
                run={run}
                variant="history"
                // Without a fixed time each row reads the shared clock, so "Running for 12s" and
                // "Finished: 5m ago" move on their own instead of keeping the page's load time.
                {...(props.now ? { now: props.now } : {})}
                onViewDetails={props.onViewDetails}
                {...(props.runHref ? { detailsHref: props.runHref(run) } : {})}
              />
            </li>
          ))}
        </ul>
      )}
      <nav className={styles.pager} aria-label={`${props.title ?? 'Job History'} pages`}>
        <span className={styles.range} role="status">
          {state === 'error' || state === 'loading' ? '' : rangeLabel(page, pageSize, runs.length, total)}
          {loading && state === 'ready' ? ' • Refreshing…' : ''}
        </span>
        <LinkOrButton
          href={props.pageHref?.(page - 1)}
          disabled={page <= 1 || loading}
          onClick={() => heading.turn(page - 1, props.onPageChange)}
        >
          <span aria-hidden="true">←</span> Prev
        </LinkOrButton>
        <LinkOrButton
          href={props.pageHref?.(page + 1)}
          disabled={!hasNext || loading}
          onClick={() => heading.turn(page + 1, props.onPageChange)}
        >
          Next <span aria-hidden="true">→</span>
        </LinkOrButton>
      </nav>
    </section>
  );
}

/**
 * Prev/Next sit below the rows, so after a page turn the reader would be left at the bottom of a
 * page they have not seen. When the page the user asked for arrives, the heading comes into view
 * and takes focus, so keyboard and screen-reader users start reading the new page from its top.
 * Only user page turns do this: a host changing `page` for other reasons must not steal focus.
 */
function useTopOnPageTurn(page: number) {
  const ref = useRef<HTMLHeadingElement>(null);
  const requested = useRef<number | null>(null);
  useEffect(() => {
    if (requested.current !== page) return;
    requested.current = null;
    const el = ref.current;
    if (!el) return;
    if (el.getBoundingClientRect().top < 0) el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [page]);
  return {
    ref,
    turn(to: number, onPageChange: (page: number) => void) {
      requested.current = to;
      onPageChange(to);
    },
  };
}

/** A link when the host gave an address (and the action is possible), a button otherwise. */
function LinkOrButton({
  href,
  disabled = false,
  onClick,
  children,
}: {
  href: string | undefined;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  if (href === undefined || disabled)
    return (
      <Button disabled={disabled} onClick={onClick}>
        {children}
      </Button>
    );
  return (
    <Button href={href} onClick={(event) => followUnlessHandled(event, onClick)}>
      {children}
    </Button>
  );
}
