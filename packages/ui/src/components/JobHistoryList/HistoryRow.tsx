import type { JobRunSummary } from '@jobs/contracts';
import { displayRunId, uiStatusOf } from '@jobs/contracts';
import { memo } from 'react';
import { formatDuration, formatRelative } from '../../lib/index.js';
import { Button } from '../Button/index.js';
import { TRIGGER_LABEL } from '../JobDetailsModal/RunFacts.js';
import { JobStatusBadge } from '../JobStatusBadge/index.js';
import styles from './JobHistoryList.module.css';

export interface HistoryRowProps {
  run: JobRunSummary;
  now: Date;
  onViewDetails: (run: JobRunSummary) => void;
}

/** "Cron • Failed after 34s • Error: Database timeout" or "Manual • 2m • Finished: 5m ago". */
export function historyMeta(run: JobRunSummary, now: Date): string[] {
  const parts = [TRIGGER_LABEL[run.trigger]];
  const duration = run.durationMs === null ? null : formatDuration(run.durationMs);
  if (run.status === 'FAILED') parts.push(duration ? `Failed after ${duration}` : 'Failed');
  else if (duration) parts.push(duration);
  if (run.finishedAt && run.status !== 'FAILED')
    parts.push(`Finished: ${formatRelative(run.finishedAt, now)}`);
  if (!run.finishedAt) parts.push(`Queued: ${formatRelative(run.queuedAt, now)}`);
  return parts;
}

/** One history run (seed 002, section C). Memoized: a page re-render keeps unchanged rows. */
export const HistoryRow = memo(function HistoryRow({ run, now, onViewDetails }: HistoryRowProps) {
  const name = `${run.jobName} ${displayRunId(run.id)}`;
  return (
    <li className={styles.row} data-status={run.status} data-run-id={run.id}>
      <div className={styles.rowHead}>
        <JobStatusBadge status={uiStatusOf(run)} display="icon" />
        <span className={styles.name} dir="auto">
          {run.jobName}
        </span>
        <span className={styles.id}>({displayRunId(run.id)})</span>
        <Button
          size="small"
          className={styles.details}
          onClick={() => onViewDetails(run)}
          aria-label={`Details for ${name}`}
        >
          Details
        </Button>
      </div>
      <p className={styles.meta}>
        {historyMeta(run, now).join('  •  ')}
        {run.status === 'FAILED' && run.error ? (
          <span className={styles.inlineError} dir="auto">
            {'  •  '}Error: {run.error.message}
          </span>
        ) : null}
      </p>
    </li>
  );
});
