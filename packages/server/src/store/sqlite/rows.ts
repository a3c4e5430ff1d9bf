import { type JobError, type JobRun, type JobRunSummary, LIMITS, summarizeError } from '@jobs/contracts';

/** A `runs` row as SQLite returns it: times in epoch ms, JSON values as text. */
export interface RunRow {
  id: number;
  job_name: string;
  status: JobRun['status'];
  trigger: JobRun['trigger'];
  triggered_by: string | null;
  scope: string | null;
  algorithm_version: string | null;
  queued_at: number;
  started_at: number | null;
  finished_at: number | null;
  last_heartbeat_at: number | null;
  cancel_requested_at: number | null;
  duration_ms: number | null;
  queue_delay_ms: number | null;
  attempt: number;
  retry_of: number | null;
  version: number;
  log_count: number;
  params_bytes: number;
  metadata_bytes: number | null;
  progress: string | null;
  error: string | null;
  params: string | null;
  metadata: string | null;
}

const SMALL_COLUMNS = `r.id, r.job_name, r.status, r.trigger, r.triggered_by, r.scope, r.algorithm_version,
  r.queued_at, r.started_at, r.finished_at, r.last_heartbeat_at, r.cancel_requested_at, r.duration_ms,
  r.queue_delay_ms, r.attempt, r.retry_of, r.version, r.log_count, r.params_bytes, r.metadata_bytes,
  r.progress`;

/** Every column: one run, whole. */
export const FULL_COLUMNS = `${SMALL_COLUMNS}, r.error, r.params, r.metadata`;

/**
 * A long error leaves SQLite already cut (one character over the summary budget, so the cut still
 * shows); `summarizeError` then bounds it to the byte. A 16 kB stack never reaches JavaScript for
 * a list.
 */
const SUMMARY_ERROR = `CASE WHEN r.error IS NULL OR length(r.error) <= ${LIMITS.summaryErrorBytes} THEN r.error ELSE json_object(
    'message', substr(json_extract(r.error, '$.message'), 1, ${LIMITS.summaryErrorBytes + 1}),
    'stack', substr(json_extract(r.error, '$.stack'), 1, ${LIMITS.summaryErrorBytes + 1}),
    'code', json_extract(r.error, '$.code')) END AS error`;

/** For lists and events: values over the summary limit are not even read from disk. */
export const SUMMARY_COLUMNS = `${SMALL_COLUMNS}, ${SUMMARY_ERROR},
  CASE WHEN r.params_bytes <= ${LIMITS.summaryJsonBytes} THEN r.params END AS params,
  CASE WHEN r.metadata_bytes <= ${LIMITS.summaryJsonBytes} THEN r.metadata END AS metadata`;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function base(row: RunRow) {
  return {
    id: String(row.id),
    jobName: row.job_name,
    status: row.status,
    trigger: row.trigger,
    triggeredBy: row.triggered_by,
    scope: row.scope,
    algorithmVersion: row.algorithm_version,
    error: row.error === null ? null : parseError(row.error),
    progress: row.progress === null ? null : JSON.parse(row.progress),
    queuedAt: new Date(row.queued_at).toISOString(),
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

/** The stored error (json_object writes a missing stack or code as null: dropped). */
function parseError(text: string): JobError {
  const raw = JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null)) as JobError;
}

export function rowToRun(row: RunRow): JobRun {
  return {
    ...base(row),
    params: JSON.parse(row.params ?? '{}'),
    metadata: row.metadata === null ? null : JSON.parse(row.metadata),
  };
}

export function rowToSummary(row: RunRow): JobRunSummary {
  const paramsTruncated = row.params_bytes > LIMITS.summaryJsonBytes;
  const metadataTruncated = row.metadata_bytes !== null && row.metadata_bytes > LIMITS.summaryJsonBytes;
  const summary = base(row);
  return {
    ...summary,
    error: summarizeError(summary.error),
    params: paramsTruncated || row.params === null ? null : JSON.parse(row.params),
    metadata: metadataTruncated || row.metadata === null ? null : JSON.parse(row.metadata),
    paramsTruncated,
    metadataTruncated,
  };
}
