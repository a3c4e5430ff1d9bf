import {
  type HistoryQuery,
  type JobProgress,
  type JobRun,
  type JobRunSummary,
  type JobStats,
  type JsonObject,
  type LogLevel,
  type LogLine,
  type RawField,
  type StatsRange,
  type StatsSeries,
  truncateLogMessage,
} from '@jobs/contracts';
import type pg from 'pg';
import { termsOf } from '../search.js';
import { buildSeries, durationBucket, SERIES_KEPT_MINUTES, type SeriesRow, seriesWindow } from '../series.js';
import type { FinishInput, HistoryPage, Inserted, JobStore, Lifecycle, NewRun } from '../types.js';
import { queryHistory } from './history.js';
import {
  asStoreError,
  change,
  changeInOneMessage,
  literal,
  one,
  type Queryable,
  rows,
  run,
  transaction,
} from './pool.js';
import { ProgressBatcher } from './progress-batch.js';
import { FULL, type PgRunRow, pgText, RETURNING, SUMMARY, toRun, toSummaryRow } from './rows.js';

/** A run keeps at most this many log lines; past it one marker line says the rest were dropped. */
export const MAX_LOG_LINES = 10_000;
const MINUTE = 60_000;
/** rows per (job, status) in `run_counts` (migration 002); readers sum them */
const COUNTER_SHARDS = 32;
/** Lifecycle events are kept this long for nodes catching up (`seq > cursor`). */
const EVENTS_KEPT_MS = 24 * 3600_000;

type EventType = 'queued' | 'started' | 'completed' | 'cancel_requested';
const ms = (expr: string) => `greatest(0, (extract(epoch from (${expr})) * 1000)::int8)`;
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
/** Terms go into a text column: one holding U+0000 cannot be stored (nor searched for) and is left out. */
const storableTerms = (terms: string[]) => terms.filter((t) => !t.includes('\u0000'));

/**
 * Work a dispatcher does inside the transaction that queues a run or withdraws a queued one (the
 * pg-boss job is created or deleted in the same commit as the run's row: no dual write).
 */
export interface RunQueueHooks {
  /**
   * One statement creating the queue's job of the run being inserted (its id is
   * `jobs_clock.run_id` inside that transaction), sent with COMMIT; it must fail if it creates none.
   */
  queued(jobName: string): Promise<string>;
  withdrawn(db: Queryable, run: JobRun): Promise<void>;
}

/**
 * The store for PostgreSQL (`DATABASE_URL`): the system of record several nodes can share.
 *
 * Every change is one transaction. Lifecycle transactions end with one statement on the single
 * `jobs_clock` row (seq + 1, and for a new run its id), which holds that row until COMMIT: commits
 * therefore happen in `seq` order, `run_events` is always a gap-free prefix for any reader, and run
 * ids are dense. Locks are always taken run row → counters → clock, so writers never deadlock.
 * Writes to a run (progress, heartbeat, finish) are conditional on its status in the same statement:
 * once a run is declared stalled or finished, a late write from its old attempt changes nothing.
 */
export class PostgresJobStore implements JobStore {
  /** per run, the last log append still in flight: lines of one run are written in call order */
  readonly #logTails = new Map<string, Promise<unknown>>();
  /** set by the cluster dispatcher; null: runs are queued in this table only */
  queueHooks: RunQueueHooks | null = null;

  /**
   * @param pool every durable change and every read
   * @param volatile progress, heartbeats and log lines, committed without waiting for the disk: a
   *   crash of PostgreSQL may lose the last fraction of a second of them, never a lifecycle change
   */
  readonly #progress: ProgressBatcher;

  constructor(
    readonly pool: pg.Pool,
    readonly volatile: pg.Pool = pool,
  ) {
    this.#progress = new ProgressBatcher(volatile);
  }

  // ─── The hot rows: counters and the clock, written last, sent with COMMIT ──

  /**
   * Counter deltas, rows in a fixed order (no lock-order deadlocks between writers), all in one
   * shard picked at random: concurrent writers of one job rarely wait for each other's row.
   */
  #countSql(deltas: Array<[job: string, status: string, delta: number]>): string {
    const sorted = [...deltas].sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1));
    const shard = Math.floor(Math.random() * COUNTER_SHARDS);
    return `INSERT INTO run_counts (job_name, status, shard, n) VALUES
      ${sorted.map(([job, status, n]) => `(${literal(job)}, ${literal(status)}, ${shard}, ${literal(n)})`).join(', ')}
      ON CONFLICT (job_name, status, shard) DO UPDATE SET n = run_counts.n + excluded.n`;
  }

  #finishedSql(at: Date, status: string): string {
    return `INSERT INTO finished_by_minute (minute, status, n)
      VALUES (${literal(Math.floor(at.getTime() / MINUTE))}, ${literal(status)}, 1)
      ON CONFLICT (minute, status) DO UPDATE SET n = finished_by_minute.n + 1`;
  }

  /** The stats-over-time counter (../series.ts): per minute, job, status and duration bucket. */
  #finishedJobSql(at: Date, job: string, status: string, durationMs: number | null): string {
    return `INSERT INTO finished_counts (minute, job_name, status, duration_bucket, n)
      VALUES (${literal(Math.floor(at.getTime() / MINUTE))}, ${literal(job)}, ${literal(status)},
        ${literal(durationBucket(durationMs))}, 1)
      ON CONFLICT (minute, job_name, status, duration_bucket) DO UPDATE SET n = finished_counts.n + 1`;
  }

  /** The last statement before COMMIT: the next seq, and its event row. */
  #tickSql(type: EventType, run: PgRunRow, at: Date): string {
    return `WITH c AS (UPDATE jobs_clock SET seq = seq + 1 RETURNING seq)
      INSERT INTO run_events (seq, run_id, type, version, status, at)
      SELECT c.seq, ${literal(run.id)}, ${literal(type)}, ${literal(run.version)}, ${literal(run.status)}, ${literal(at)}
      FROM c RETURNING seq`;
  }

  /** Sends the tail with COMMIT; the seq is what the tick statement (the last one) returned. */
  async #commit(commit: (tail: string[]) => Promise<pg.QueryResult[]>, tail: string[]): Promise<number> {
    const results = await commit(tail);
    return Number(results[tail.length - 1]!.rows[0].seq);
  }

  async countRuns(jobName?: string, status?: string): Promise<number> {
    const [row] = await run<{ n: number }>(
      this.pool,
      `SELECT coalesce(sum(n), 0)::int8 AS n FROM run_counts
       WHERE ($1::text IS NULL OR job_name = $1) AND ($2::text IS NULL OR status = $2)`,
      [jobName ?? null, status ?? null],
    );
    return row!.n;
  }

  async #indexTerms(db: Queryable, id: number, terms: string[]): Promise<void> {
    const kept = storableTerms(terms);
    if (kept.length === 0) return;
    await db.query({
      name: 'jobs_terms',
      text: `INSERT INTO run_terms (term, run_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`,
      values: [kept, id],
    });
  }

  // ─── Writes ───────────────────────────────────────────────────────────────

  async insertRun(input: NewRun, now: Date): Promise<Inserted> {
    const key =
      input.idempotencyKey === undefined || input.idempotencyKey === null
        ? null
        : pgText(input.idempotencyKey);
    try {
      if (key) {
        // A plain read: a race with another insert of the key is settled by the unique index below.
        const [existing] = await run<PgRunRow>(
          this.pool,
          `SELECT ${FULL} FROM runs r WHERE r.idempotency_key = $1`,
          [key],
        );
        if (existing) return { run: toRun(existing), seq: null, replayed: true };
      }
      {
        const params = JSON.stringify(input.params);
        // The clock row gives the seq and a dense run id; the run, its terms and its event go in the
        // same statement.
        const insert = `WITH c AS (UPDATE jobs_clock SET seq = seq + 1, run_id = run_id + 1 RETURNING seq, run_id),
           r AS (
             INSERT INTO runs (id, job_name, status, trigger, triggered_by, scope, algorithm_version, queued_at,
               attempt, retry_of, version, idempotency_key, params_bytes, params)
             SELECT c.run_id, ${literal(input.jobName)}, 'QUEUED', ${literal(input.trigger)},
               ${literal(input.triggeredBy === null ? null : pgText(input.triggeredBy))}, ${literal(input.scope ?? null)},
               ${literal(input.algorithmVersion ?? null)}, ${literal(now)}, ${literal(input.attempt ?? 1)},
               ${literal(input.retryOf ? Number(input.retryOf) : null)}, 1, ${literal(key)},
               ${literal(Buffer.byteLength(params))}, ${literal(params)}::json
             FROM c RETURNING ${RETURNING}),
           t AS (INSERT INTO run_terms (term, run_id)
                 SELECT unnest(${literal(storableTerms(termsOf('params', input.params)))}), c.run_id FROM c
                 ON CONFLICT DO NOTHING),
           e AS (INSERT INTO run_events (seq, run_id, type, version, status, at)
                 SELECT c.seq, c.run_id, 'queued', 1, 'QUEUED', ${literal(now)} FROM c)
           SELECT r.*, c.seq AS event_seq FROM r, c`;
        const counts = this.#countSql([[input.jobName, 'QUEUED', 1]]);
        // The dispatcher's work (its queue's job) joins the same message: nothing is held across a
        // round trip.
        const queued = this.queueHooks ? [await this.queueHooks.queued(input.jobName)] : [];
        // BEGIN, the hot rows, the run, its queue's job, COMMIT and the flush: one round trip.
        const results = await changeInOneMessage(this.pool, [counts, insert, ...queued]);
        const { event_seq, ...created } = results[1]!.rows[0] as PgRunRow & { event_seq: number };
        return { run: toRun(created), seq: Number(event_seq), replayed: false };
      }
    } catch (err) {
      // Two nodes raced with one idempotency key: the loser answers with the winner's run.
      if (key && (err as { constraint?: string }).constraint === 'runs_idempotency') {
        const [existing] = await run<PgRunRow>(
          this.pool,
          `SELECT ${FULL} FROM runs r WHERE r.idempotency_key = $1`,
          [key],
        );
        if (existing) return { run: toRun(existing), seq: null, replayed: true };
      }
      throw err;
    }
  }

  async startRun(id: string, now: Date): Promise<Lifecycle | null> {
    return change(this.pool, async (db, commit) => {
      const row = await one<PgRunRow>(
        db,
        `UPDATE runs SET status = 'RUNNING', started_at = $2, last_heartbeat_at = $2,
           queue_delay_ms = ${ms('$2::timestamptz - queued_at')}, version = version + 1
         WHERE id = $1 AND status = 'QUEUED' RETURNING ${RETURNING}`,
        [Number(id), now],
      );
      if (!row) return null;
      const seq = await this.#commit(commit, [
        this.#countSql([
          [row.job_name, 'QUEUED', -1],
          [row.job_name, 'RUNNING', 1],
        ]),
        this.#tickSql('started', row, now),
      ]);
      return { run: toRun(row), seq };
    });
  }

  async requestCancel(id: string, now: Date): Promise<Lifecycle | null> {
    return change(this.pool, async (db, commit) => {
      const row = await one<PgRunRow>(
        db,
        `UPDATE runs SET cancel_requested_at = $2, version = version + 1
         WHERE id = $1 AND status = 'RUNNING' AND cancel_requested_at IS NULL RETURNING ${RETURNING}`,
        [Number(id), now],
      );
      if (!row) return null;
      return {
        run: toRun(row),
        seq: await this.#commit(commit, [this.#tickSql('cancel_requested', row, now)]),
      };
    });
  }

  async finishRun(id: string, input: FinishInput, now: Date): Promise<Lifecycle | null> {
    // Lines the run logged before it finished are stored before anyone sees it finished.
    await this.#logTails.get(id)?.catch(() => {});
    return change(this.pool, async (db, commit) => {
      const rowId = Number(id);
      const current = await one<
        Pick<PgRunRow, 'status' | 'job_name' | 'cancel_requested_at' | 'last_heartbeat_at'>
      >(
        db,
        'SELECT status, job_name, cancel_requested_at, last_heartbeat_at FROM runs WHERE id = $1 FOR UPDATE',
        [rowId],
      );
      const from = input.from ?? ['RUNNING'];
      if (!current || !(from as readonly string[]).includes(current.status)) return null;
      if (
        input.heartbeatBefore &&
        (current.last_heartbeat_at?.getTime() ?? 0) >= input.heartbeatBefore.getTime()
      )
        return null;
      const status = input.cancelWins && current.cancel_requested_at !== null ? 'CANCELLED' : input.status;
      const error = status === 'CANCELLED' ? null : (input.error ?? null);
      const metadata = json(input.metadata ?? null);
      const row = (await one<PgRunRow>(
        db,
        `UPDATE runs SET status = $2, finished_at = $3,
           duration_ms = CASE WHEN started_at IS NULL THEN NULL ELSE ${ms('$3::timestamptz - started_at')} END,
           cancel_requested_at = coalesce(cancel_requested_at, CASE WHEN $2 = 'CANCELLED' THEN $3::timestamptz END),
           metadata = $4::json, metadata_bytes = $5, error = $6::json, version = version + 1
         WHERE id = $1 RETURNING ${RETURNING}`,
        [rowId, status, now, metadata, metadata === null ? null : Buffer.byteLength(metadata), json(error)],
      ))!;
      if (error) {
        await db.query({
          name: 'jobs_error_text',
          text: `INSERT INTO run_errors (run_id, message) VALUES ($1, $2)
                 ON CONFLICT (run_id) DO UPDATE SET message = excluded.message`,
          values: [rowId, pgText(error.message)],
        });
      }
      if (input.metadata) await this.#indexTerms(db, rowId, termsOf('metadata', input.metadata));
      if (current.status === 'QUEUED') await this.queueHooks?.withdrawn(db, toRun(row));
      const seq = await this.#commit(commit, [
        this.#countSql([
          [current.job_name, current.status, -1],
          [current.job_name, status, 1],
        ]),
        this.#finishedSql(now, status),
        this.#finishedJobSql(now, current.job_name, status, row.duration_ms),
        this.#tickSql('completed', row, now),
      ]);
      return { run: toRun(row), seq };
    });
  }

  /** Batched with other runs' progress (one statement in flight, the rest wait and go together). */
  updateProgress(id: string, progress: JobProgress, now: Date): Promise<number | null> {
    return this.#progress.write(Number(id), progress, now);
  }

  async heartbeat(ids: readonly string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await run(
      this.volatile,
      // rows locked in id order, as progress batches lock them: the two never deadlock
      `WITH locked AS (SELECT id FROM runs WHERE id = ANY($2::int8[]) AND status = 'RUNNING'
                       ORDER BY id FOR UPDATE)
       UPDATE runs r SET last_heartbeat_at = $1, version = r.version + 1
       FROM locked WHERE r.id = locked.id`,
      [now, [...ids].map(Number).sort((a, b) => a - b)],
    );
  }

  /**
   * Lines of one run keep the order they were logged in: each waits for the previous one of the same
   * run (over a pool, two concurrent statements could otherwise commit in either order).
   */
  appendLog(id: string, level: LogLevel, message: string, now: Date): Promise<LogLine | null> {
    const previous = this.#logTails.get(id) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(() => this.#appendLog(id, level, message, now));
    this.#logTails.set(id, next);
    void next
      .catch(() => {})
      .finally(() => {
        if (this.#logTails.get(id) === next) this.#logTails.delete(id);
      });
    return next;
  }

  async #appendLog(id: string, level: LogLevel, message: string, now: Date): Promise<LogLine | null> {
    const [row] = await run<{ seq: number; level: LogLevel; message: string }>(
      this.volatile,
      `WITH u AS (UPDATE runs SET log_count = log_count + 1 WHERE id = $1 AND log_count <= $2 RETURNING log_count)
       INSERT INTO run_logs (run_id, seq, at, level, message)
       SELECT $1, u.log_count, $3,
         CASE WHEN u.log_count > $2 THEN 'warn' ELSE $4 END,
         CASE WHEN u.log_count > $2 THEN $5 ELSE $6 END
       FROM u RETURNING seq, level, message`,
      [
        Number(id),
        MAX_LOG_LINES,
        now,
        level,
        `log limit of ${MAX_LOG_LINES} lines reached; further lines are dropped`,
        pgText(truncateLogMessage(message)),
      ],
    );
    return row ? { seq: row.seq, at: now.toISOString(), level: row.level, message: row.message } : null;
  }

  async syncDefinitions(
    defs: ReadonlyArray<{ name: string; paramsSchema?: JsonObject }>,
    now: Date,
  ): Promise<void> {
    if (defs.length === 0) return;
    await run(
      this.pool,
      `INSERT INTO job_definitions (name, first_seen_at, last_seen_at, params_schema)
       SELECT d.name, $3, $3, d.schema::json FROM unnest($1::text[], $2::text[]) AS d(name, schema)
       ON CONFLICT (name) DO UPDATE SET last_seen_at = excluded.last_seen_at, params_schema = excluded.params_schema`,
      [defs.map((d) => d.name), defs.map((d) => json(d.paramsSchema ?? null)), now],
    );
  }

  // ─── Reads ────────────────────────────────────────────────────────────────

  async getRun(id: string): Promise<JobRun | null> {
    const [row] = await run<PgRunRow>(this.pool, `SELECT ${FULL} FROM runs r WHERE r.id = $1`, [Number(id)]);
    return row ? toRun(row) : null;
  }

  async getRawField(id: string, field: RawField): Promise<string | null> {
    const column = { params: 'params', metadata: 'metadata', error: 'error' }[field];
    const [row] = await run<{ v: string | null }>(
      this.pool,
      `SELECT ${column}::text AS v FROM runs WHERE id = $1`,
      [Number(id)],
    );
    return row?.v ?? null;
  }

  async logs(id: string, after: number, limit: number): Promise<{ lines: LogLine[]; nextAfter: number }> {
    const found = await run<{ seq: number; at: Date; level: LogLevel; message: string }>(
      this.pool,
      'SELECT seq, at, level, message FROM run_logs WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [Number(id), after, limit],
    );
    const lines = found.map((r) => ({ ...r, at: r.at.toISOString() }));
    return { lines, nextAfter: lines.length ? lines[lines.length - 1]!.seq : after };
  }

  async history(query: HistoryQuery): Promise<HistoryPage> {
    try {
      return await queryHistory({ db: this.pool, countRuns: (j, s) => this.countRuns(j, s) }, query);
    } catch (err) {
      throw asStoreError(err);
    }
  }

  async active(limit: number): Promise<{ runs: JobRunSummary[]; asOfSeq: number; truncated: boolean }> {
    // One snapshot for the runs and the clock: commits land in seq order, so it holds exactly the
    // events up to `asOfSeq`.
    return transaction(
      this.pool,
      async (db) => {
        const found = await rows<PgRunRow>(
          db,
          `SELECT ${SUMMARY} FROM runs r WHERE r.status IN ('QUEUED', 'RUNNING') ORDER BY r.id LIMIT $1`,
          [limit + 1],
        );
        const clock = await one<{ seq: number }>(db, 'SELECT seq FROM jobs_clock');
        return {
          runs: found.slice(0, limit).map(toSummaryRow),
          asOfSeq: clock!.seq,
          truncated: found.length > limit,
        };
      },
      { begin: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' },
    );
  }

  async stats(now: Date): Promise<JobStats> {
    const since = Math.floor(now.getTime() / MINUTE) - 24 * 60 + 1;
    const [row] = await run<{
      running: number;
      queued: number;
      success: number;
      failed: number;
      cancelled: number;
    }>(
      this.pool,
      `SELECT
         (SELECT coalesce(sum(n), 0) FROM run_counts WHERE status = 'RUNNING')::int8 AS running,
         (SELECT coalesce(sum(n), 0) FROM run_counts WHERE status = 'QUEUED')::int8 AS queued,
         coalesce(sum(n) FILTER (WHERE status = 'SUCCESS'), 0)::int8 AS success,
         coalesce(sum(n) FILTER (WHERE status = 'FAILED'), 0)::int8 AS failed,
         coalesce(sum(n) FILTER (WHERE status = 'CANCELLED'), 0)::int8 AS cancelled
       FROM finished_by_minute WHERE minute >= $1`,
      [since],
    );
    const { success, failed, cancelled } = row!;
    return {
      active: row!.running,
      queued: row!.queued,
      last24h: { total: success + failed + cancelled, success, failed, cancelled },
      asOf: now.toISOString(),
    };
  }

  async statsSeries(range: StatsRange, job: string | null, now: Date): Promise<StatsSeries> {
    const window = seriesWindow(range, now);
    const found = await run<SeriesRow>(
      this.pool,
      `SELECT ((minute - $1) / $3)::int AS slot, job_name AS job, status, duration_bucket::int AS bucket,
              sum(n)::int8 AS n
       FROM finished_counts
       WHERE minute >= $1 AND minute < $2 AND ($4::text IS NULL OR job_name = $4)
       GROUP BY 1, 2, 3, 4`,
      [window.fromMinute, window.toMinute, window.bucketMinutes, job],
    );
    return buildSeries(window, job, found, now);
  }

  async listActive(
    filter: { jobName?: string; status?: 'QUEUED' | 'RUNNING' },
    limit: number,
  ): Promise<JobRun[]> {
    const found = await run<PgRunRow>(
      this.pool,
      `SELECT ${FULL} FROM runs r
       WHERE r.status IN ('QUEUED', 'RUNNING') AND ($1::text IS NULL OR r.status = $1)
         AND ($2::text IS NULL OR r.job_name = $2)
       ORDER BY r.id LIMIT $3`,
      [filter.status ?? null, filter.jobName ?? null, limit],
    );
    return found.map(toRun);
  }

  async findStalled(before: Date, limit: number): Promise<JobRun[]> {
    const found = await run<PgRunRow>(
      this.pool,
      `SELECT ${FULL} FROM runs r
       WHERE r.status = 'RUNNING' AND coalesce(r.last_heartbeat_at, r.started_at, 'epoch') < $1
       ORDER BY r.id LIMIT $2`,
      [before, limit],
    );
    return found.map(toRun);
  }

  async currentSeq(): Promise<number> {
    const [row] = await run<{ seq: number }>(this.pool, 'SELECT seq FROM jobs_clock');
    return row!.seq;
  }

  /** Lifecycle events after `seq`, in order (another node catching up). */
  async eventsAfter(
    seq: number,
    limit: number,
  ): Promise<
    Array<{ seq: number; runId: string; type: EventType; version: number; status: JobRun['status'] }>
  > {
    const found = await run<{
      seq: number;
      run_id: number;
      type: EventType;
      version: number;
      status: JobRun['status'];
    }>(
      this.pool,
      'SELECT seq, run_id, type, version, status FROM run_events WHERE seq > $1 ORDER BY seq LIMIT $2',
      [seq, limit],
    );
    return found.map((e) => ({
      seq: e.seq,
      runId: String(e.run_id),
      type: e.type,
      version: e.version,
      status: e.status,
    }));
  }

  /** Old finished-per-minute buckets are kept a day and a bit (per job: eight days); old events a day. */
  async pruneCounters(now: Date): Promise<void> {
    await run(this.pool, 'DELETE FROM finished_by_minute WHERE minute < $1', [
      Math.floor(now.getTime() / MINUTE) - 48 * 60,
    ]);
    await run(this.pool, 'DELETE FROM finished_counts WHERE minute < $1', [
      Math.floor(now.getTime() / MINUTE) - SERIES_KEPT_MINUTES,
    ]);
    await run(this.pool, 'DELETE FROM run_events WHERE at < $1', [new Date(now.getTime() - EVENTS_KEPT_MS)]);
  }

  async close(): Promise<void> {
    await this.#progress.drain();
    await this.pool.end();
    if (this.volatile !== this.pool) await this.volatile.end();
  }
}
