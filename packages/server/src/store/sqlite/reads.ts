import type { JobRun, JobRunSummary, JobStats, RawField, StatsRange, StatsSeries } from '@jobs/contracts';
import { buildSeries, seriesWindow } from '../series.js';
import { countRuns, currentSeq, finishedSince, seriesRows } from './counters.js';
import { FULL_COLUMNS, type RunRow, rowToRun, rowToSummary, SUMMARY_COLUMNS } from './rows.js';
import type { Statements } from './statements.js';

export function fullRow(sql: Statements, id: number): RunRow | undefined {
  return sql.get(`SELECT ${FULL_COLUMNS} FROM runs r WHERE r.id = ?`).get(id) as RunRow | undefined;
}

export function getRun(sql: Statements, id: string): JobRun | null {
  const row = fullRow(sql, Number(id));
  return row ? rowToRun(row) : null;
}

export function getRawField(sql: Statements, id: string, field: RawField): string | null {
  const column = { params: 'params', metadata: 'metadata', error: 'error' }[field];
  const row = sql.get(`SELECT ${column} AS v FROM runs WHERE id = ?`).get(Number(id)) as
    | { v: string | null }
    | undefined;
  return row?.v ?? null;
}

export function active(
  sql: Statements,
  limit: number,
): { runs: JobRunSummary[]; asOfSeq: number; truncated: boolean } {
  return sql.read(() => {
    const rows = sql
      .get(
        `SELECT ${SUMMARY_COLUMNS} FROM runs r WHERE r.status IN ('QUEUED', 'RUNNING') ORDER BY r.id LIMIT ?`,
      )
      .all(limit + 1) as RunRow[];
    return {
      runs: rows.slice(0, limit).map(rowToSummary),
      asOfSeq: currentSeq(sql),
      truncated: rows.length > limit,
    };
  });
}

export function stats(sql: Statements, now: Date): JobStats {
  const finished = finishedSince(sql, now.getTime());
  const of = (s: string) => finished.get(s) ?? 0;
  const last24h = { success: of('SUCCESS'), failed: of('FAILED'), cancelled: of('CANCELLED') };
  return {
    active: countRuns(sql, undefined, 'RUNNING'),
    queued: countRuns(sql, undefined, 'QUEUED'),
    last24h: { total: last24h.success + last24h.failed + last24h.cancelled, ...last24h },
    asOf: now.toISOString(),
  };
}

export function statsSeries(sql: Statements, range: StatsRange, job: string | null, now: Date): StatsSeries {
  const window = seriesWindow(range, now);
  return buildSeries(window, job, seriesRows(sql, window, job), now);
}

export function listActive(
  sql: Statements,
  filter: { jobName?: string; status?: 'QUEUED' | 'RUNNING' },
  limit: number,
): JobRun[] {
  const rows = sql
    .get(
      `SELECT ${FULL_COLUMNS} FROM runs r
       WHERE r.status IN ('QUEUED', 'RUNNING') AND (@status IS NULL OR r.status = @status)
         AND (@job IS NULL OR r.job_name = @job)
       ORDER BY r.id LIMIT @limit`,
    )
    .all({ status: filter.status ?? null, job: filter.jobName ?? null, limit }) as RunRow[];
  return rows.map(rowToRun);
}

export function findStalled(sql: Statements, before: Date, limit: number): JobRun[] {
  const rows = sql
    .get(
      `SELECT ${FULL_COLUMNS} FROM runs r
       WHERE r.status = 'RUNNING' AND coalesce(r.last_heartbeat_at, r.started_at, 0) < ? ORDER BY r.id LIMIT ?`,
    )
    .all(before.getTime(), limit) as RunRow[];
  return rows.map(rowToRun);
}
