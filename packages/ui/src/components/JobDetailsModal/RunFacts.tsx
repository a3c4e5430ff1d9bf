import type { JobRunDetails, JobTrigger } from '@jobs/contracts';
import { displayRunId, uiStatusOf } from '@jobs/contracts';
import { formatPreciseDuration } from '../../lib/format.js';
import { formatRelative, formatZonedTimestamp, parseTime, useNow } from '../../lib/index.js';
import { useHydrated } from '../../lib/useHydrated.js';
import { JobStatusBadge } from '../JobStatusBadge/index.js';
import { SafeText } from '../SafeText/SafeText.js';
import styles from './JobDetailsModal.module.css';

export const TRIGGER_LABEL: Readonly<Record<JobTrigger, string>> = {
  MANUAL: 'Manual',
  CRON: 'Cron',
  EVENT: 'Event',
  RETRY: 'Retry',
};

/** Milliseconds between two stamps, preferring the stored figure (the server's clock decided it). */
function span(stored: number | null, from: string | null, to: string | null): number | null {
  if (stored !== null) return stored;
  const a = parseTime(from);
  const b = parseTime(to);
  return a === null || b === null ? null : Math.max(0, b - a);
}

export interface RunFactsProps {
  run: JobRunDetails;
  cancelPending: boolean;
  /** IANA zone the timeline is written in; UTC by default */
  timeZone?: string | undefined;
  /** reference time for "3m ago"; the shared ticking clock when absent */
  now?: Date | undefined;
}

/** Status, who and what, then the queued → started → finished timeline. */
export function RunFacts({ run, cancelPending, timeZone, now }: RunFactsProps) {
  const stamp = (iso: string | null) => <Stamp iso={iso} timeZone={timeZone} now={now} />;
  const delay = span(run.queueDelayMs, run.queuedAt, run.startedAt);
  const duration = span(run.durationMs, run.startedAt, run.finishedAt);
  return (
    <>
      <dl className={styles.facts}>
        <dt>Status</dt>
        <dd>
          <JobStatusBadge status={uiStatusOf(run, cancelPending)} />
        </dd>
        <dt>Trigger</dt>
        <dd>{TRIGGER_LABEL[run.trigger]}</dd>
        <dt>Triggered By</dt>
        <dd dir="auto">{run.triggeredBy === null ? '—' : <SafeText text={run.triggeredBy} />}</dd>
        <dt>Algorithm</dt>
        <dd dir="auto">{run.algorithmVersion === null ? '—' : <SafeText text={run.algorithmVersion} />}</dd>
        {run.scope ? (
          <>
            <dt>Scope</dt>
            <dd dir="auto">
              <SafeText text={run.scope} />
            </dd>
          </>
        ) : null}
        {run.attempt > 1 || run.retryOf ? (
          <>
            <dt>Attempt</dt>
            <dd>
              {run.attempt}
              {run.retryOf ? ` (re-run of ${displayRunId(run.retryOf)})` : ''}
            </dd>
          </>
        ) : null}
        {run.progress?.message && !run.finishedAt ? (
          <>
            <dt>Progress</dt>
            <dd dir="auto">
              {run.progress.percent !== undefined ? `${Math.round(run.progress.percent)}% • ` : ''}
              <SafeText text={run.progress.message} />
            </dd>
          </>
        ) : null}
      </dl>
      <h3 className={styles.section}>Timeline</h3>
      <dl className={styles.timeline}>
        <dt>Queued</dt>
        <dd>{stamp(run.queuedAt)}</dd>
        <dt>Started</dt>
        <dd>
          {stamp(run.startedAt)}
          {run.startedAt && delay !== null ? (
            <span className={styles.aside}> (delay: {formatPreciseDuration(delay)})</span>
          ) : null}
        </dd>
        <dt>Finished</dt>
        <dd>
          {stamp(run.finishedAt)}
          {run.finishedAt && duration !== null ? (
            <span className={styles.aside}> (duration: {formatPreciseDuration(duration)})</span>
          ) : null}
        </dd>
      </dl>
    </>
  );
}

/**
 * The absolute time with its zone, the same in the server render and the browser; "(3m ago)" reads
 * the reader's clock, so it joins only once hydrated (otherwise React would see two texts).
 */
function Stamp({
  iso,
  timeZone,
  now,
}: {
  iso: string | null;
  timeZone?: string | undefined;
  now?: Date | undefined;
}) {
  const hydrated = useHydrated();
  if (!iso) return <span className={styles.aside}>—</span>;
  return (
    <>
      <time dateTime={iso}>{formatZonedTimestamp(iso, timeZone)}</time>
      {hydrated ? <Ago iso={iso} now={now} /> : null}
    </>
  );
}

function Ago({ iso, now }: { iso: string; now?: Date | undefined }) {
  const at = useNow(now);
  return (
    <span className={styles.aside} data-relative="">
      {' '}
      ({formatRelative(iso, at)})
    </span>
  );
}
