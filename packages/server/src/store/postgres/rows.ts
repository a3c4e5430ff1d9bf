import {
  type JobError,
  type JobProgress,
  type JobRun,
  type JobRunSummary,
  type JsonObject,
  LIMITS,
  summarizeError,
} from '@jobs/contracts';

/** A `runs` row as pg returns it: times as Date, JSON values parsed, bigints as numbers. */
export interface PgRunRow {
  id: number;
  job_name: string;
  status: JobRun['status'];
  trigger: JobRun['trigger'];
  triggered_by: string | null;
  scope: string | null;
  algorithm_version: string | null;
  queued_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  last_heartbeat_at: Date | null;
  cancel_requested_at: Date | null;
  duration_ms: number | null;
  queue_delay_ms: number | null;
  attempt: number;
  retry_of: number | null;
  version: number;
  log_count: number;
  params_bytes: number;
  metadata_bytes: number | null;
  progress: JobProgress | null;
  error: JobError | null;
  params: JsonObject | null;
  metadata: JsonObject | null;
}

const SMALL = `id, job_name, status, trigger, triggered_by, scope, algorithm_version, queued_at, started_at,
  finished_at, last_heartbeat_at, cancel_requested_at, duration_ms, queue_delay_ms, attempt, retry_of,
  version, log_count, params_bytes, metadata_bytes, progress, error`;

/** Every column of `r`: one run, whole. */
export const FULL = `${SMALL.replace(/(\w+)/g, 'r.$1')}, r.params, r.metadata`;

/** Every column, unqualified (RETURNING of an UPDATE/INSERT). */
export const RETURNING = `${SMALL}, params, metadata`;

/** For lists and events: values over the summary limit are not even read. */
export const SUMMARY = `${SMALL.replace(/(\w+)/g, 'r.$1')},
  CASE WHEN r.params_bytes <= ${LIMITS.summaryJsonBytes} THEN r.params END AS params,
  CASE WHEN r.metadata_bytes <= ${LIMITS.summaryJsonBytes} THEN r.metadata END AS metadata`;

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

function base(row: PgRunRow) {
  return {
    id: String(row.id),
    jobName: row.job_name,
    status: row.status,
    trigger: row.trigger,
    triggeredBy: row.triggered_by,
    scope: row.scope,
    algorithmVersion: row.algorithm_version,
    error: row.error,
    progress: row.progress,
    queuedAt: row.queued_at.toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    lastHeartbeatAt: iso(row.last_heartbeat_at),
    cancelRequestedAt: iso(row.cancel_requested_at),
    durationMs: row.duration_ms,
    queueDelayMs: row.queue_delay_ms,
    attempt: row.attempt,
    retryOf: row.retry_of === null ? null : String(row.retry_of),
    version: row.version,
  };
}

export function toRun(row: PgRunRow): JobRun {
  return { ...base(row), params: row.params ?? {}, metadata: row.metadata };
}

export function toSummaryRow(row: PgRunRow): JobRunSummary {
  const paramsTruncated = row.params_bytes > LIMITS.summaryJsonBytes;
  const metadataTruncated = row.metadata_bytes !== null && row.metadata_bytes > LIMITS.summaryJsonBytes;
  return {
    ...base(row),
    error: summarizeError(row.error),
    params: paramsTruncated ? null : row.params,
    metadata: metadataTruncated ? null : row.metadata,
    paramsTruncated,
    metadataTruncated,
  };
}

/** PostgreSQL text cannot hold U+0000: where a value goes into a text column, it becomes U+FFFD. */
export const pgText = (s: string): string => (s.includes('\u0000') ? s.replaceAll('\u0000', '\uFFFD') : s);
