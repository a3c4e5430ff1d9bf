import type { JobProgress, JsonObject } from '@jobs/contracts';
import { termsOf } from '../search.js';
import { durationBucket } from '../series.js';
import type { FinishInput, Inserted, Lifecycle, NewRun } from '../types.js';
import {
  countFinished,
  countFinishedJob,
  countStatus,
  indexErrorText,
  indexTerms,
  nextSeq,
} from './counters.js';
import { fullRow } from './reads.js';
import { FULL_COLUMNS, type RunRow, rowToRun } from './rows.js';
import type { Statements } from './statements.js';

/** Run writes: each one transaction, counters and the event seq taken in it. */

export function insertRun(sql: Statements, input: NewRun, now: Date): Inserted {
  return sql.write((): Inserted => {
    if (input.idempotencyKey) {
      const existing = sql
        .get(`SELECT ${FULL_COLUMNS} FROM runs r WHERE r.idempotency_key = ?`)
        .get(input.idempotencyKey) as RunRow | undefined;
      if (existing) return { run: rowToRun(existing), seq: null, replayed: true };
    }
    const params = JSON.stringify(input.params);
    const { id } = sql
      .get(
        `INSERT INTO runs (job_name, status, trigger, triggered_by, scope, algorithm_version, queued_at,
           attempt, retry_of, version, idempotency_key, params_bytes, params)
         VALUES (?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id`,
      )
      .get(
        input.jobName,
        input.trigger,
        input.triggeredBy,
        input.scope ?? null,
        input.algorithmVersion ?? null,
        now.getTime(),
        input.attempt ?? 1,
        input.retryOf ? Number(input.retryOf) : null,
        input.idempotencyKey ?? null,
        Buffer.byteLength(params),
        params,
      ) as { id: number };
    indexTerms(sql, id, termsOf('params', input.params));
    countStatus(sql, input.jobName, 'QUEUED', 1);
    const seq = nextSeq(sql);
    return { run: rowToRun(fullRow(sql, id)!), seq, replayed: false };
  });
}

export function startRun(sql: Statements, id: string, now: Date): Lifecycle | null {
  return sql.write((): Lifecycle | null => {
    const at = now.getTime();
    const row = sql
      .get(
        `UPDATE runs SET status = 'RUNNING', started_at = @at, last_heartbeat_at = @at,
           queue_delay_ms = max(0, @at - queued_at), version = version + 1
         WHERE id = @id AND status = 'QUEUED' RETURNING job_name`,
      )
      .get({ at, id: Number(id) }) as { job_name: string } | undefined;
    if (!row) return null;
    countStatus(sql, row.job_name, 'QUEUED', -1);
    countStatus(sql, row.job_name, 'RUNNING', 1);
    return { run: rowToRun(fullRow(sql, Number(id))!), seq: nextSeq(sql) };
  });
}

export function requestCancel(sql: Statements, id: string, now: Date): Lifecycle | null {
  return sql.write((): Lifecycle | null => {
    const changed = sql
      .get(
        `UPDATE runs SET cancel_requested_at = ?, version = version + 1
         WHERE id = ? AND status = 'RUNNING' AND cancel_requested_at IS NULL`,
      )
      .run(now.getTime(), Number(id)).changes;
    if (changed === 0) return null;
    return { run: rowToRun(fullRow(sql, Number(id))!), seq: nextSeq(sql) };
  });
}

export function finishRun(sql: Statements, id: string, input: FinishInput, now: Date): Lifecycle | null {
  return sql.write((): Lifecycle | null => {
    const rowId = Number(id);
    const current = sql
      .get(
        'SELECT status, job_name, cancel_requested_at, started_at, last_heartbeat_at FROM runs WHERE id = ?',
      )
      .get(rowId) as
      | Pick<RunRow, 'status' | 'job_name' | 'cancel_requested_at' | 'started_at' | 'last_heartbeat_at'>
      | undefined;
    const from = input.from ?? ['RUNNING'];
    if (!current || !(from as readonly string[]).includes(current.status)) return null;
    if (input.heartbeatBefore && (current.last_heartbeat_at ?? 0) >= input.heartbeatBefore.getTime())
      return null;
    const at = now.getTime();
    const status = input.cancelWins && current.cancel_requested_at !== null ? 'CANCELLED' : input.status;
    const error = status === 'CANCELLED' ? null : (input.error ?? null);
    const metadata = input.metadata ? JSON.stringify(input.metadata) : null;
    sql
      .get(
        `UPDATE runs SET status = ?, finished_at = ?,
           duration_ms = CASE WHEN started_at IS NULL THEN NULL ELSE max(0, ? - started_at) END,
           cancel_requested_at = coalesce(cancel_requested_at, CASE WHEN ? = 'CANCELLED' THEN ? END),
           metadata = ?, metadata_bytes = ?, error = ?, version = version + 1
         WHERE id = ?`,
      )
      .run(
        status,
        at,
        at,
        status,
        at,
        metadata,
        metadata === null ? null : Buffer.byteLength(metadata),
        error ? JSON.stringify(error) : null,
        rowId,
      );
    countStatus(sql, current.job_name, current.status, -1);
    countStatus(sql, current.job_name, status, 1);
    countFinished(sql, at, status);
    const durationMs = current.started_at === null ? null : Math.max(0, at - current.started_at);
    countFinishedJob(sql, at, current.job_name, status, durationBucket(durationMs));
    if (error) indexErrorText(sql, rowId, error.message);
    if (input.metadata) indexTerms(sql, rowId, termsOf('metadata', input.metadata));
    return { run: rowToRun(fullRow(sql, rowId)!), seq: nextSeq(sql) };
  });
}

export function updateProgress(sql: Statements, id: string, progress: JobProgress, now: Date): number | null {
  const row = sql
    .get(
      `UPDATE runs SET progress = ?, last_heartbeat_at = ?, version = version + 1
       WHERE id = ? AND status = 'RUNNING' RETURNING version`,
    )
    .get(JSON.stringify(progress), now.getTime(), Number(id)) as { version: number } | undefined;
  return row ? row.version : null;
}

export function heartbeat(sql: Statements, ids: readonly string[], now: Date): void {
  if (ids.length === 0) return;
  const beat = sql.get(
    `UPDATE runs SET last_heartbeat_at = ?, version = version + 1 WHERE id = ? AND status = 'RUNNING'`,
  );
  sql.write(() => {
    for (const id of ids) beat.run(now.getTime(), Number(id));
  });
}

export function syncDefinitions(
  sql: Statements,
  defs: ReadonlyArray<{ name: string; paramsSchema?: JsonObject }>,
  now: Date,
): void {
  const upsert = sql.get(
    `INSERT INTO job_definitions (name, first_seen_at, last_seen_at, params_schema) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET last_seen_at = excluded.last_seen_at, params_schema = excluded.params_schema`,
  );
  sql.write(() => {
    for (const d of defs) {
      upsert.run(
        d.name,
        now.getTime(),
        now.getTime(),
        d.paramsSchema ? JSON.stringify(d.paramsSchema) : null,
      );
    }
  });
}
