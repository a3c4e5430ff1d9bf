import type { JobRunStatus } from '@jobs/contracts';
import { JOB_RUN_STATUSES } from '@jobs/contracts';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useDebouncedCallback } from '../../lib/useDebouncedCallback.js';
import { visibleText } from '../../lib/visibleText.js';
import { STATUS_META } from '../JobStatusBadge/index.js';
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
  actions?: ReactNode;
}

/** Job and status selects (native, so keyboard and mobile pickers just work) and a debounced search. */
export function HistoryToolbar({ filters, jobNames, onFilterChange, actions }: HistoryToolbarProps) {
  const id = useId();
  const [query, setQuery] = useState(filters.q ?? '');
  const sent = useRef(filters.q);
  // The host owns the filters: when it changes q itself (Clear filters, a URL), the box follows;
  // the echo of what we sent is ignored, or a slow host would undo keys typed since.
  useEffect(() => {
    if (filters.q !== sent.current) setQuery(filters.q ?? '');
    sent.current = filters.q;
  }, [filters.q]);
  const debouncedSearch = useDebouncedCallback((text: string) => {
    const q = text.trim() === '' ? undefined : text;
    sent.current = q;
    onFilterChange({ ...filters, q });
  }, SEARCH_DEBOUNCE_MS);

  return (
    <div className={styles.toolbar}>
      <label className={styles.filter} htmlFor={`${id}job`}>
        <span className="jobs-visually-hidden">Filter by job</span>
        <select
          id={`${id}job`}
          value={filters.jobName ?? ''}
          onChange={(e) => onFilterChange({ ...filters, jobName: e.target.value || undefined })}
        >
          <option value="">All jobs</option>
          {jobNames.map((name) => (
            <option key={name} value={name}>
              {visibleText(name)}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.filter} htmlFor={`${id}status`}>
        <span className="jobs-visually-hidden">Filter by status</span>
        <select
          id={`${id}status`}
          value={filters.status ?? ''}
          onChange={(e) =>
            onFilterChange({ ...filters, status: (e.target.value || undefined) as JobRunStatus | undefined })
          }
        >
          <option value="">All statuses</option>
          {JOB_RUN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_META[status].icon} {STATUS_META[status].label}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.search} htmlFor={`${id}q`}>
        <span className="jobs-visually-hidden">Search runs</span>
        <input
          id={`${id}q`}
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
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </div>
  );
}
