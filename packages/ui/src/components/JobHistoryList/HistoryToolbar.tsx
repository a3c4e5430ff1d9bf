import type { JobRunStatus } from '@jobs/contracts';
import { JOB_RUN_STATUSES } from '@jobs/contracts';
import { type FormEvent, type MouseEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { followUnlessHandled } from '../../lib/followLink.js';
import { useDebouncedCallback } from '../../lib/useDebouncedCallback.js';
import { visibleText } from '../../lib/visibleText.js';
import { Button } from '../Button/index.js';
import { STATUS_META, StatusIcon } from '../JobStatusBadge/index.js';
import styles from './JobHistoryList.module.css';

export interface HistoryFilters {
  jobName?: string | undefined;
  status?: JobRunStatus | undefined;
  /** free text: id, error text, `params.userId:8` qualifiers (the server interprets it) */
  q?: string | undefined;
}

export const SEARCH_DEBOUNCE_MS = 300;

export interface HistoryToolbarProps {
  filters: HistoryFilters;
  jobNames: readonly string[];
  onFilterChange: (filters: HistoryFilters) => void;
  /** the address of the history with these filters: status choices become links */
  filterHref?: (filters: HistoryFilters) => string;
  actions?: ReactNode;
}

/**
 * A GET form (fields `job`, `status`, `q`), so filtering works without JavaScript: a job box with
 * the job names as suggestions, status choices as one row of toggles, a debounced search. No
 * `<select>`: the choices are all in view, and a dialog's own picker is the page's only one.
 */
export function HistoryToolbar({
  filters,
  jobNames,
  onFilterChange,
  filterHref,
  actions,
}: HistoryToolbarProps) {
  const id = useId();
  const [query, setQuery] = useState(filters.q ?? '');
  const [job, setJob] = useState(filters.jobName ?? '');
  const sent = useRef(filters.q);
  // The host owns the filters: when it changes q itself (Clear filters, a URL), the box follows;
  // the echo of what we sent is ignored, or a slow host would undo keys typed since.
  useEffect(() => {
    if (filters.q !== sent.current) setQuery(filters.q ?? '');
    sent.current = filters.q;
  }, [filters.q]);
  useEffect(() => setJob(filters.jobName ?? ''), [filters.jobName]);
  const debouncedSearch = useDebouncedCallback((text: string) => {
    const q = text.trim() === '' ? undefined : text;
    sent.current = q;
    onFilterChange({ ...filters, q });
  }, SEARCH_DEBOUNCE_MS);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = query.trim() === '' ? undefined : query;
    sent.current = q;
    onFilterChange({ ...filters, jobName: job.trim() || undefined, q });
  };
  const chooseStatus = (status: JobRunStatus | undefined) => onFilterChange({ ...filters, status });

  // Unnamed on purpose: a named form is a landmark, and a page may hold several lists.
  return (
    <form className={styles.toolbar} method="get" onSubmit={submit}>
      <label className={styles.filter} htmlFor={`${id}job`}>
        <span className="jobs-visually-hidden">Filter by job</span>
        <input
          id={`${id}job`}
          name="job"
          list={`${id}jobs`}
          placeholder="All jobs"
          autoComplete="off"
          value={job}
          onChange={(e) => {
            const value = e.target.value;
            setJob(value);
            // A picked suggestion (or a cleared box) applies at once; partial text waits for Enter.
            if (value === '' || jobNames.includes(value))
              onFilterChange({ ...filters, jobName: value || undefined });
          }}
        />
      </label>
      <datalist id={`${id}jobs`}>
        {jobNames.map((name) => (
          <option key={name} value={name}>
            {visibleText(name)}
          </option>
        ))}
      </datalist>
      <label className={styles.search} htmlFor={`${id}q`}>
        <span className="jobs-visually-hidden">Search runs</span>
        <input
          id={`${id}q`}
          name="q"
          type="search"
          placeholder="Search id, error, params.userId:8"
          value={query}
          maxLength={200}
          onChange={(e) => {
            setQuery(e.target.value);
            debouncedSearch(e.target.value);
          }}
        />
      </label>
      {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
      <Button type="submit">Filter</Button>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
      <fieldset className={styles.statuses}>
        <legend className="jobs-visually-hidden">Filter by status</legend>
        {[undefined, ...JOB_RUN_STATUSES].map((status) => {
          const current = (filters.status ?? undefined) === status;
          const label = status ? (
            <>
              <StatusIcon status={status} /> {STATUS_META[status].label}
            </>
          ) : (
            'All statuses'
          );
          return filterHref ? (
            <Button
              key={status ?? 'all'}
              size="small"
              variant={current ? 'primary' : 'ghost'}
              href={filterHref({ ...filters, status })}
              aria-current={current ? 'true' : undefined}
              onClick={(event: MouseEvent<HTMLAnchorElement>) =>
                followUnlessHandled(event, () => chooseStatus(status))
              }
            >
              {label}
            </Button>
          ) : (
            <Button
              key={status ?? 'all'}
              size="small"
              variant={current ? 'primary' : 'ghost'}
              aria-pressed={current}
              onClick={() => chooseStatus(status)}
            >
              {label}
            </Button>
          );
        })}
      </fieldset>
    </form>
  );
}
