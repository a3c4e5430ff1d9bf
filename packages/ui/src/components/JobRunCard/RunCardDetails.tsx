import type { JobRunSummary, JobUiStatus } from '@jobs/contracts';
import { formatEta, formatRate, paceOf } from '../../lib/eta.js';
import { formatDuration, formatRelative, formatTimestamp } from '../../lib/time.js';
import { SafeText } from '../SafeText/SafeText.js';
import styles from './JobRunCard.module.css';

const TRIGGER_LABEL: Record<JobRunSummary['trigger'], string> = {
  MANUAL: 'Manual',
  CRON: 'Cron',
  EVENT: 'Event',
  RETRY: 'Retry',
};

function Time({ iso, now, prefix }: { iso: string | null; now: Date; prefix: string }) {
  return (
    <span>
      {prefix}:{' '}
      <time dateTime={iso ?? undefined} title={formatTimestamp(iso)}>
        {formatRelative(iso, now)}
      </time>
    </span>
  );
}

/** Second line of an active card: when it started (or was queued), pace and ETA. */
export function ActiveDetails({ run, status, now }: { run: JobRunSummary; status: JobUiStatus; now: Date }) {
  if (status === 'CANCEL_REQUESTED') {
    return <p className={styles.meta}>Cancel requested…</p>;
  }
  if (run.status === 'QUEUED') {
    return (
      <p className={styles.meta}>
        <Time iso={run.queuedAt} now={now} prefix="Queued" />
        <span>Waiting to start…</span>
      </p>
    );
  }
  const { etaMs, itemsPerSecond } = paceOf(run, now);
  const { current, total } = run.progress ?? {};
  return (
    <p className={styles.meta}>
      <Time iso={run.startedAt} now={now} prefix="Started" />
      {current !== undefined && total !== undefined && (
        <span data-field="count">
          {current.toLocaleString('en-US')} / {total.toLocaleString('en-US')}
        </span>
      )}
      {itemsPerSecond !== null && <span data-field="rate">{formatRate(itemsPerSecond)}</span>}
      {etaMs !== null && <span data-field="eta">{formatEta(etaMs)}</span>}
    </p>
  );
}

/** Second line of a history card: trigger, duration, when it finished, and the error if it failed. */
export function HistoryDetails({ run, now }: { run: JobRunSummary; now: Date }) {
  const duration = run.durationMs === null ? '—' : formatDuration(run.durationMs);
  return (
    <>
      <p className={styles.meta}>
        <span>{TRIGGER_LABEL[run.trigger]}</span>
        <span data-field="duration">{run.status === 'FAILED' ? `Failed after ${duration}` : duration}</span>
        <Time iso={run.finishedAt} now={now} prefix="Finished" />
      </p>
      {run.status === 'FAILED' && run.error && (
        <p className={styles.error} dir="auto">
          Error: <SafeText text={run.error.message} />
        </p>
      )}
    </>
  );
}
