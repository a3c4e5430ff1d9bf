import { displayRunId, JOB_RUN_STATUSES, type JobRunSummary } from '@jobs/contracts';
import { Form, Link } from '@remix-run/react';
import { filtersHref, HISTORY_PAGE_SIZE, type HistoryFilters } from '../services/history-params.js';
import { StatusText } from './StatusText.js';

interface Props {
  runs: readonly JobRunSummary[];
  total: number;
  filters: HistoryFilters;
  jobNames: readonly string[];
  /** hide the filter form (a modal is open over the page) */
  compact?: boolean;
}

/**
 * The history as plain links and a GET form: what a browser without JavaScript gets, and what shows
 * under an open modal. No <select> here, so the modal's job picker is the page's only one.
 */
export function FallbackHistory({ runs, total, filters, jobNames, compact = false }: Props) {
  const first = total === 0 ? 0 : (filters.page - 1) * HISTORY_PAGE_SIZE + 1;
  const last = Math.min(total, filters.page * HISTORY_PAGE_SIZE);
  return (
    <div className="fallback-history">
      {compact ? null : (
        <Form method="get" className="row filters">
          <input
            name="job"
            list="job-names"
            defaultValue={filters.job}
            placeholder="Filter by job"
            aria-label="Filter by job"
          />
          <datalist id="job-names">
            {jobNames.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
          <input
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder="Search id, error, params.userId:8"
            aria-label="Search runs"
          />
          {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
          <button type="submit" className="button">
            Filter
          </button>
          <span className="row status-links">
            <Link
              to={filtersHref(filters, { status: '' })}
              aria-current={filters.status === '' ? 'true' : undefined}
            >
              All
            </Link>
            {JOB_RUN_STATUSES.map((s) => (
              <Link
                key={s}
                to={filtersHref(filters, { status: s })}
                aria-current={filters.status === s ? 'true' : undefined}
              >
                {s.toLowerCase()}
              </Link>
            ))}
          </span>
        </Form>
      )}
      <ul className="run-list">
        {runs.map((run) => (
          <li key={run.id} className="run-row" data-status={run.status}>
            <StatusText status={run.status} /> <strong>{run.jobName}</strong> ({displayRunId(run.id)})
            {run.error ? <span className="run-row__error"> · Error: {run.error.message}</span> : null}
            <Link
              className="button button--small"
              to={`runs/${encodeURIComponent(run.id)}${filtersHref(filters, { page: filters.page })}`}
            >
              Details
            </Link>
          </li>
        ))}
      </ul>
      <nav className="row pager" aria-label="History pages">
        <span>
          Showing {first}-{last} of {total.toLocaleString('en-US')}
        </span>
        {filters.page > 1 ? <Link to={filtersHref(filters, { page: filters.page - 1 })}>← Prev</Link> : null}
        {last < total ? <Link to={filtersHref(filters, { page: filters.page + 1 })}>Next →</Link> : null}
      </nav>
    </div>
  );
}
