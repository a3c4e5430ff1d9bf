import { displayRunId, type JobRunSummary, uiStatusOf } from '@jobs/contracts';
import { memo } from 'react';
import { formatDuration, formatRelative } from '../../lib/time.js';
import { visibleText } from '../../lib/visibleText.js';
import { Button } from '../Button/Button.js';
import { JobProgressBar } from '../JobProgressBar/JobProgressBar.js';
import { JobStatusBadge } from '../JobStatusBadge/JobStatusBadge.js';
import { SafeText } from '../SafeText/SafeText.js';
import styles from './JobsPanel.module.css';

interface PanelRunItemProps {
  run: JobRunSummary;
  cancelPending: boolean;
  now: Date;
  onCancel?(run: JobRunSummary): void;
  onViewDetails?(run: JobRunSummary): void;
}

/** A compact row of the panel: icon, name, progress or outcome, Cancel and Details. */
export const PanelRunItem = memo(function PanelRunItem({
  run,
  cancelPending,
  now,
  onCancel,
  onViewDetails,
}: PanelRunItemProps) {
  // The host owns "a cancel is in flight" (as JobRunCard): a local guess could outlive the host's answer.
  const status = uiStatusOf(run, cancelPending);
  const label = `${visibleText(run.jobName)} ${displayRunId(run.id)}`;
  const active = run.status === 'QUEUED' || run.status === 'RUNNING';
  return (
    <li className={styles.item} data-status={status} data-run-id={run.id}>
      <div className={styles.itemHead}>
        <JobStatusBadge status={status} display="icon" />
        <span className={styles.itemName} dir="auto">
          <SafeText text={run.jobName} />
        </span>
        <span className={styles.itemId}>{displayRunId(run.id)}</span>
      </div>
      {run.status === 'RUNNING' && status !== 'CANCEL_REQUESTED' && (
        <JobProgressBar
          percent={run.progress?.percent ?? null}
          message={run.progress?.message ?? null}
          label={`${label} progress`}
        />
      )}
      <div className={styles.itemMeta}>
        <span>{describe(run, status, now)}</span>
        <span className={styles.itemActions}>
          {active && onCancel && (
            <Button
              size="small"
              variant="ghost"
              busy={status === 'CANCEL_REQUESTED'}
              disabled={status === 'CANCEL_REQUESTED'}
              aria-label={status === 'CANCEL_REQUESTED' ? `Stopping ${label}` : `Cancel ${label}`}
              onClick={() => onCancel(run)}
            >
              {status === 'CANCEL_REQUESTED' ? 'Stopping…' : 'Cancel'}
            </Button>
          )}
          {onViewDetails && (
            <Button
              size="small"
              variant="ghost"
              aria-label={`Details of ${label}`}
              onClick={() => onViewDetails(run)}
            >
              Details
            </Button>
          )}
        </span>
      </div>
      {run.status === 'FAILED' && run.error && (
        <p className={styles.itemError} dir="auto">
          <SafeText text={run.error.message} />
        </p>
      )}
    </li>
  );
});

function describe(run: JobRunSummary, status: string, now: Date): string {
  if (status === 'CANCEL_REQUESTED') return 'Cancel requested…';
  if (run.status === 'QUEUED') return `Queued ${formatRelative(run.queuedAt, now)}`;
  if (run.status === 'RUNNING') return `Started ${formatRelative(run.startedAt, now)}`;
  const took = run.durationMs === null ? '' : ` after ${formatDuration(run.durationMs)}`;
  const verb = { SUCCESS: 'Finished', FAILED: 'Failed', CANCELLED: 'Cancelled' }[run.status];
  return `${verb}${took} · ${formatRelative(run.finishedAt, now)}`;
}
