import { SERIES_KEPT_MINUTES, type SeriesRow, type SeriesWindow } from '../series.js';
import type { Statements } from './statements.js';

const MINUTE = 60_000;

/**
 * The maintained counters (runs per job and status, finished runs per minute) and the event
 * sequence. Every write that changes a run's status goes through here, in its own transaction,
 * so stats never scan the runs.
 */
export function countStatus(sql: Statements, jobName: string, status: string, delta: number): void {
  sql
    .get(
      `INSERT INTO run_counts (job_name, status, n) VALUES (?, ?, ?)
       ON CONFLICT (job_name, status) DO UPDATE SET n = n + excluded.n`,
    )
    .run(jobName, status, delta);
}

/** `n` runs finished with `status` at `at` (epoch ms). */
export function countFinished(sql: Statements, at: number, status: string, n = 1): void {
  sql
    .get(
      `INSERT INTO finished_by_minute (minute, status, n) VALUES (?, ?, ?)
       ON CONFLICT (minute, status) DO UPDATE SET n = n + excluded.n`,
    )
    .run(minuteOf(at), status, n);
}

/** `n` runs of `jobName` finished with `status` at `at`, their duration in `bucket` (../series.ts). */
export function countFinishedJob(
  sql: Statements,
  at: number,
  jobName: string,
  status: string,
  bucket: number,
  n = 1,
): void {
  sql
    .get(
      `INSERT INTO finished_counts (minute, job_name, status, duration_bucket, n) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (minute, job_name, status, duration_bucket) DO UPDATE SET n = n + excluded.n`,
    )
    .run(minuteOf(at), jobName, status, bucket, n);
}

export function minuteOf(at: number): number {
  return Math.floor(at / MINUTE);
}

export function countRuns(sql: Statements, jobName?: string, status?: string): number {
  const row = sql
    .get(
      `SELECT coalesce(sum(n), 0) AS n FROM run_counts
       WHERE (@job IS NULL OR job_name = @job) AND (@status IS NULL OR status = @status)`,
    )
    .get({ job: jobName ?? null, status: status ?? null }) as { n: number };
  return row.n;
}

/** Finished runs per status over the last 24 hours (the minute buckets). */
export function finishedSince(sql: Statements, now: number): Map<string, number> {
  const since = minuteOf(now) - 24 * 60 + 1;
  const rows = sql
    .get('SELECT status, sum(n) AS n FROM finished_by_minute WHERE minute >= ? GROUP BY status')
    .all(since) as Array<{ status: string; n: number }>;
  return new Map(rows.map((r) => [r.status, r.n]));
}

/**
 * Old finished-per-minute buckets are only kept for a day and a bit; the per-job ones for the
 * longest stats-over-time range and a day.
 */
export function pruneFinished(sql: Statements, now: number): void {
  sql.get('DELETE FROM finished_by_minute WHERE minute < ?').run(minuteOf(now) - 48 * 60);
  sql.get('DELETE FROM finished_counts WHERE minute < ?').run(minuteOf(now) - SERIES_KEPT_MINUTES);
}

/** The counter rows of a stats-over-time window, grouped by the window's buckets (../series.ts). */
export function seriesRows(sql: Statements, window: SeriesWindow, job: string | null): SeriesRow[] {
  return sql
    .get(
      `SELECT CAST((minute - @from) / @step AS INTEGER) AS slot, job_name AS job, status, duration_bucket AS bucket, sum(n) AS n
       FROM finished_counts
       WHERE minute >= @from AND minute < @to AND (@job IS NULL OR job_name = @job)
       GROUP BY 1, 2, 3, 4`,
    )
    .all({ from: window.fromMinute, to: window.toMinute, step: window.bucketMinutes, job }) as SeriesRow[];
}

/** The next lifecycle `seq`, taken inside the caller's transaction. */
export function nextSeq(sql: Statements): number {
  return (
    sql.get(`UPDATE meta SET value = value + 1 WHERE key = 'event_seq' RETURNING value`).get() as {
      value: number;
    }
  ).value;
}

export function currentSeq(sql: Statements): number {
  return (sql.get(`SELECT value FROM meta WHERE key = 'event_seq'`).get() as { value: number }).value;
}

export function indexTerms(sql: Statements, runId: number, terms: readonly string[]): void {
  const insert = sql.get('INSERT OR IGNORE INTO run_terms (term, run_id) VALUES (?, ?)');
  for (const term of terms) insert.run(term, runId);
}

export function indexErrorText(sql: Statements, runId: number, message: string): void {
  sql.get('INSERT INTO run_errors (rowid, message) VALUES (?, ?)').run(runId, message);
}
