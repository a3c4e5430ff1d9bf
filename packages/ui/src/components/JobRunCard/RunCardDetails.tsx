import type { JobRunSummary, JobUiStatus } from '@jobs/contracts';
import { formatEta, formatRate, paceOf } from '../../lib/eta.js';
import { formatDuration, formatElapsed, formatRelative, formatTimestamp } from '../../lib/time.js';
import { useEta } from '../../lib/useEta.js';
import { SafeText } from '../SafeText/SafeText.js';
import styles from './JobRunCard.module.css';

const TRIGGER_LABEL: Record<JobRunSummary['trigger'], string> = {
  MANUAL: 'Manual',
  CRON: 'Cron',
  EVENT: 'Event',
  RETRY: 'Retry',
};

// Text read off the clock (ages, rates, ETAs) may differ between the server's render and the
// browser's hydration by the time the page took to arrive: React keeps the server's text for that
// one render instead of reporting a mismatch, and the shared clock's next tick brings it up to date.
function Time({ iso, now, prefix }: { iso: string | null; now: Date; prefix: string }) {
  return (
    <span>
      {prefix}:{' '}
      <time dateTime={iso ?? undefined} title={formatTimestamp(iso)} suppressHydrationWarning>
        {formatRelative(iso, now)}
      </time>
    </span>
  );
}

/** Second line of an active card: when it started (or was queued), pace and ETA. */
export function ActiveDetails({ run, status, now }: { run: JobRunSummary; status: JobUiStatus; now: Date }) {
  const etaMs = useEta(run, now);
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
  const { itemsPerSecond } = paceOf(run, now);
  const { current, total } = run.progress ?? {};
  return (
    <p className={styles.meta}>
      <Time iso={run.startedAt} now={now} prefix="Started" />
      {current !== undefined && total !== undefined && (
        <span data-field="count">
          {current.toLocaleString('en-US')} / {total.toLocaleString('en-US')}
        </span>
      )}
      {/* Always rendered, hidden while unknown: whether a pace or an ETA is known yet depends on the
          clock, and an element present in only one of the server's and the browser's first render is
          a hydration error, where a differing text or attribute is not. */}
      <span data-field="rate" hidden={itemsPerSecond === null} suppressHydrationWarning>
        {itemsPerSecond === null ? '' : formatRate(itemsPerSecond)}
      </span>
      <span data-field="eta" hidden={etaMs === null} suppressHydrationWarning>
        {etaMs === null ? '' : formatEta(etaMs)}
      </span>
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
        {run.finishedAt === null && run.status === 'RUNNING' && run.startedAt ? (
          // Still going: how long so far says more than an empty "Finished: —".
          <span data-field="elapsed">
            Running for{' '}
            <time dateTime={run.startedAt} title={formatTimestamp(run.startedAt)} suppressHydrationWarning>
              {formatElapsed(Math.max(0, now.getTime() - Date.parse(run.startedAt)))}
            </time>
          </span>
        ) : run.finishedAt === null && run.status === 'QUEUED' ? (
          <Time iso={run.queuedAt} now={now} prefix="Queued" />
        ) : (
          <Time iso={run.finishedAt} now={now} prefix="Finished" />
        )}
      </p>
      {run.status === 'FAILED' && run.error && (
        <p className={styles.error} dir="auto">
          Error: <SafeText text={run.error.message} />
        </p>
      )}
    </>
  );
}
