import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  type HistoryQuery,
  type JobProgress,
  type JobRun,
  type JobStats,
  type JsonObject,
  type LogLevel,
  type LogLine,
  type RawField,
  truncateLogMessage,
} from '@jobs/contracts';
import Database from 'better-sqlite3';
import { termsOf } from '../search.js';
import type { FinishInput, HistoryPage, Inserted, JobStore, Lifecycle, NewRun } from '../types.js';
import { queryHistory } from './history.js';
import { FULL_COLUMNS, type RunRow, rowToRun, rowToSummary, SUMMARY_COLUMNS } from './rows.js';
import { migrate } from './schema.js';

export interface ImportedRun {
  jobName: string;
  status: 'SUCCESS' | 'FAILED' | 'CANCELLED';
  trigger: JobRun['trigger'];
  triggeredBy: string | null;
  params: JsonObject;
  metadata?: JsonObject | null;
  error?: JobRun['error'];
  /** epoch ms */
  queuedAt: number;
  startedAt: number;
  finishedAt: number;
  attempt?: number;
}

/** A run keeps at most this many log lines; past it one marker line says the rest were dropped. */
export const MAX_LOG_LINES = 10_000;
const MINUTE = 60_000;

/**
 * The embedded store: one SQLite file in WAL mode, used from one process. better-sqlite3 is
 * synchronous, so each method is one short transaction that cannot interleave with another; the
 * async signatures are the seam's, for stores that talk to a server.
 */
export class SqliteJobStore implements JobStore {
  readonly db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // Reads of a large history come from memory: a 64 MB page cache and the file mapped (256 MB).
    this.db.pragma('cache_size = -65536');
    this.db.pragma('mmap_size = 268435456');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
  }

  /** Prepared once per SQL text, reused after. */
  stmt(sql: string): Database.Statement {
    let s = this.#statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.#statements.set(sql, s);
    }
    return s;
  }

  // ─── Counters and the event sequence ──────────────────────────────────────

  #count(jobName: string, status: string, delta: number): void {
    this.stmt(
      `INSERT INTO run_counts (job_name, status, n) VALUES (?, ?, ?)
       ON CONFLICT (job_name, status) DO UPDATE SET n = n + excluded.n`,
    ).run(jobName, status, delta);
  }

  #finishedCount(at: number, status: string): void {
    this.stmt(
      `INSERT INTO finished_by_minute (minute, status, n) VALUES (?, ?, 1)
       ON CONFLICT (minute, status) DO UPDATE SET n = n + 1`,
    ).run(Math.floor(at / MINUTE), status);
  }

  #nextSeq(): number {
    return (
      this.stmt(`UPDATE meta SET value = value + 1 WHERE key = 'event_seq' RETURNING value`).get() as {
        value: number;
      }
    ).value;
  }

  #row(id: number): RunRow | undefined {
    return this.stmt(`SELECT ${FULL_COLUMNS} FROM runs r WHERE r.id = ?`).get(id) as RunRow | undefined;
  }

  countRuns(jobName?: string, status?: string): number {
    const row = this.stmt(
      `SELECT coalesce(sum(n), 0) AS n FROM run_counts
       WHERE (@job IS NULL OR job_name = @job) AND (@status IS NULL OR status = @status)`,
    ).get({ job: jobName ?? null, status: status ?? null }) as { n: number };
    return row.n;
  }

  #indexTerms(id: number, terms: string[]): void {
    const insert = this.stmt('INSERT OR IGNORE INTO run_terms (term, run_id) VALUES (?, ?)');
    for (const term of terms) insert.run(term, id);
  }

  // ─── Writes ───────────────────────────────────────────────────────────────

  async insertRun(input: NewRun, now: Date): Promise<Inserted> {
    return this.db.transaction((): Inserted => {
      if (input.idempotencyKey) {
        const existing = this.stmt(`SELECT ${FULL_COLUMNS} FROM runs r WHERE r.idempotency_key = ?`).get(
          input.idempotencyKey,
        ) as RunRow | undefined;
        if (existing) return { run: rowToRun(existing), seq: null, replayed: true };
      }
      const params = JSON.stringify(input.params);
      const { id } = this.stmt(
        `INSERT INTO runs (job_name, status, trigger, triggered_by, scope, algorithm_version, queued_at,
           attempt, retry_of, version, idempotency_key, params_bytes, params)
         VALUES (?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id`,
      ).get(
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
      this.#indexTerms(id, termsOf('params', input.params));
      this.#count(input.jobName, 'QUEUED', 1);
      const seq = this.#nextSeq();
      return { run: rowToRun(this.#row(id)!), seq, replayed: false };
    })();
  }

  async startRun(id: string, now: Date): Promise<Lifecycle | null> {
    return this.db.transaction((): Lifecycle | null => {
      const at = now.getTime();
      const row = this.stmt(
        `UPDATE runs SET status = 'RUNNING', started_at = @at, last_heartbeat_at = @at,
           queue_delay_ms = max(0, @at - queued_at), version = version + 1
         WHERE id = @id AND status = 'QUEUED' RETURNING job_name`,
      ).get({ at, id: Number(id) }) as { job_name: string } | undefined;
      if (!row) return null;
      this.#count(row.job_name, 'QUEUED', -1);
      this.#count(row.job_name, 'RUNNING', 1);
      return { run: rowToRun(this.#row(Number(id))!), seq: this.#nextSeq() };
    })();
  }

  async requestCancel(id: string, now: Date): Promise<Lifecycle | null> {
    return this.db.transaction((): Lifecycle | null => {
      const changed = this.stmt(
        `UPDATE runs SET cancel_requested_at = ?, version = version + 1
         WHERE id = ? AND status = 'RUNNING' AND cancel_requested_at IS NULL`,
      ).run(now.getTime(), Number(id)).changes;
      if (changed === 0) return null;
      return { run: rowToRun(this.#row(Number(id))!), seq: this.#nextSeq() };
    })();
  }

  async finishRun(id: string, input: FinishInput, now: Date): Promise<Lifecycle | null> {
    return this.db.transaction((): Lifecycle | null => {
      const rowId = Number(id);
      const current = this.stmt(
        'SELECT status, job_name, cancel_requested_at, started_at, last_heartbeat_at FROM runs WHERE id = ?',
      ).get(rowId) as
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
      this.stmt(
        `UPDATE runs SET status = ?, finished_at = ?,
           duration_ms = CASE WHEN started_at IS NULL THEN NULL ELSE max(0, ? - started_at) END,
           cancel_requested_at = coalesce(cancel_requested_at, CASE WHEN ? = 'CANCELLED' THEN ? END),
           metadata = ?, metadata_bytes = ?, error = ?, version = version + 1
         WHERE id = ?`,
      ).run(
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
      this.#count(current.job_name, current.status, -1);
      this.#count(current.job_name, status, 1);
      this.#finishedCount(at, status);
      if (error) this.stmt('INSERT INTO run_errors (rowid, message) VALUES (?, ?)').run(rowId, error.message);
      if (input.metadata) this.#indexTerms(rowId, termsOf('metadata', input.metadata));
      return { run: rowToRun(this.#row(rowId)!), seq: this.#nextSeq() };
    })();
  }

  async updateProgress(id: string, progress: JobProgress, now: Date): Promise<number | null> {
    const row = this.stmt(
      `UPDATE runs SET progress = ?, last_heartbeat_at = ?, version = version + 1
       WHERE id = ? AND status = 'RUNNING' RETURNING version`,
    ).get(JSON.stringify(progress), now.getTime(), Number(id)) as { version: number } | undefined;
    return row ? row.version : null;
  }

  async heartbeat(ids: readonly string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    const beat = this.stmt(
      `UPDATE runs SET last_heartbeat_at = ?, version = version + 1 WHERE id = ? AND status = 'RUNNING'`,
    );
    this.db.transaction(() => {
      for (const id of ids) beat.run(now.getTime(), Number(id));
    })();
  }

  async appendLog(id: string, level: LogLevel, message: string, now: Date): Promise<LogLine | null> {
    return this.db.transaction((): LogLine | null => {
      const row = this.stmt(
        `UPDATE runs SET log_count = log_count + 1 WHERE id = ? AND log_count <= ? RETURNING log_count`,
      ).get(Number(id), MAX_LOG_LINES) as { log_count: number } | undefined;
      if (!row) return null;
      const seq = row.log_count;
      const line: LogLine =
        seq > MAX_LOG_LINES
          ? {
              seq,
              at: now.toISOString(),
              level: 'warn',
              message: `log limit of ${MAX_LOG_LINES} lines reached; further lines are dropped`,
            }
          : { seq, at: now.toISOString(), level, message: truncateLogMessage(message) };
      this.stmt('INSERT INTO run_logs (run_id, seq, at, level, message) VALUES (?, ?, ?, ?, ?)').run(
        Number(id),
        seq,
        now.getTime(),
        line.level,
        line.message,
      );
      return line;
    })();
  }

  async syncDefinitions(
    defs: ReadonlyArray<{ name: string; paramsSchema?: JsonObject }>,
    now: Date,
  ): Promise<void> {
    const upsert = this.stmt(
      `INSERT INTO job_definitions (name, first_seen_at, last_seen_at, params_schema) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET last_seen_at = excluded.last_seen_at, params_schema = excluded.params_schema`,
    );
    this.db.transaction(() => {
      for (const d of defs) {
        upsert.run(
          d.name,
          now.getTime(),
          now.getTime(),
          d.paramsSchema ? JSON.stringify(d.paramsSchema) : null,
        );
      }
    })();
  }

  // ─── Reads ────────────────────────────────────────────────────────────────

  async getRun(id: string): Promise<JobRun | null> {
    const row = this.#row(Number(id));
    return row ? rowToRun(row) : null;
  }

  async getRawField(id: string, field: RawField): Promise<string | null> {
    const column = { params: 'params', metadata: 'metadata', error: 'error' }[field];
    const row = this.stmt(`SELECT ${column} AS v FROM runs WHERE id = ?`).get(Number(id)) as
      | { v: string | null }
      | undefined;
    return row?.v ?? null;
  }

  async logs(id: string, after: number, limit: number): Promise<{ lines: LogLine[]; nextAfter: number }> {
    const rows = this.stmt(
      'SELECT seq, at, level, message FROM run_logs WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ).all(Number(id), after, limit) as Array<{ seq: number; at: number; level: LogLevel; message: string }>;
    const lines = rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
    return { lines, nextAfter: lines.length ? lines[lines.length - 1]!.seq : after };
  }

  async history(query: HistoryQuery): Promise<HistoryPage> {
    return queryHistory(
      {
        all: (sql, args) => this.stmt(sql).all(...args),
        get: (sql, args) => this.stmt(sql).get(...args),
        countRuns: (jobName, status) => this.countRuns(jobName, status),
      },
      query,
    );
  }

  async active(limit: number) {
    return this.db.transaction(() => {
      const rows = this.stmt(
        `SELECT ${SUMMARY_COLUMNS} FROM runs r WHERE r.status IN ('QUEUED', 'RUNNING') ORDER BY r.id LIMIT ?`,
      ).all(limit + 1) as RunRow[];
      const { value } = this.stmt(`SELECT value FROM meta WHERE key = 'event_seq'`).get() as {
        value: number;
      };
      return { runs: rows.slice(0, limit).map(rowToSummary), asOfSeq: value, truncated: rows.length > limit };
    })();
  }

  async stats(now: Date): Promise<JobStats> {
    const since = Math.floor(now.getTime() / MINUTE) - 24 * 60 + 1;
    const finished = this.stmt(
      'SELECT status, sum(n) AS n FROM finished_by_minute WHERE minute >= ? GROUP BY status',
    ).all(since) as Array<{ status: string; n: number }>;
    const of = (s: string) => finished.find((f) => f.status === s)?.n ?? 0;
    const last24h = { success: of('SUCCESS'), failed: of('FAILED'), cancelled: of('CANCELLED') };
    return {
      active: this.countRuns(undefined, 'RUNNING'),
      queued: this.countRuns(undefined, 'QUEUED'),
      last24h: { total: last24h.success + last24h.failed + last24h.cancelled, ...last24h },
      asOf: now.toISOString(),
    };
  }

  async listActive(
    filter: { jobName?: string; status?: 'QUEUED' | 'RUNNING' },
    limit: number,
  ): Promise<JobRun[]> {
    const rows = this.stmt(
      `SELECT ${FULL_COLUMNS} FROM runs r
       WHERE r.status IN ('QUEUED', 'RUNNING') AND (@status IS NULL OR r.status = @status)
         AND (@job IS NULL OR r.job_name = @job)
       ORDER BY r.id LIMIT @limit`,
    ).all({ status: filter.status ?? null, job: filter.jobName ?? null, limit }) as RunRow[];
    return rows.map(rowToRun);
  }

  async findStalled(before: Date, limit: number): Promise<JobRun[]> {
    const rows = this.stmt(
      `SELECT ${FULL_COLUMNS} FROM runs r
       WHERE r.status = 'RUNNING' AND coalesce(r.last_heartbeat_at, r.started_at, 0) < ? ORDER BY r.id LIMIT ?`,
    ).all(before.getTime(), limit) as RunRow[];
    return rows.map(rowToRun);
  }

  async currentSeq(): Promise<number> {
    return (this.stmt(`SELECT value FROM meta WHERE key = 'event_seq'`).get() as { value: number }).value;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /**
   * Imports finished runs in one transaction with prepared statements (moving history in; the
   * benchmark's seed). Counters and search terms are kept as if each run had gone through.
   */
  importRuns(runs: Iterable<ImportedRun>): number {
    const insert = this.db.prepare(
      `INSERT INTO runs (job_name, status, trigger, triggered_by, queued_at, started_at, finished_at,
         last_heartbeat_at, duration_ms, queue_delay_ms, attempt, version, params_bytes, metadata_bytes,
         error, params, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3, ?, ?, ?, ?, ?) RETURNING id`,
    );
    const term = this.db.prepare('INSERT OR IGNORE INTO run_terms (term, run_id) VALUES (?, ?)');
    const errorText = this.db.prepare('INSERT INTO run_errors (rowid, message) VALUES (?, ?)');
    const counts = new Map<string, number>();
    const minutes = new Map<string, number>();
    const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    let n = 0;
    this.db.transaction(() => {
      for (const r of runs) {
        const params = JSON.stringify(r.params);
        const metadata = r.metadata ? JSON.stringify(r.metadata) : null;
        const { id } = insert.get(
          r.jobName,
          r.status,
          r.trigger,
          r.triggeredBy,
          r.queuedAt,
          r.startedAt,
          r.finishedAt,
          r.finishedAt,
          r.finishedAt - r.startedAt,
          r.startedAt - r.queuedAt,
          r.attempt ?? 1,
          Buffer.byteLength(params),
          metadata === null ? null : Buffer.byteLength(metadata),
          r.error ? JSON.stringify(r.error) : null,
          params,
          metadata,
        ) as { id: number };
        for (const t of termsOf('params', r.params)) term.run(t, id);
        for (const t of termsOf('metadata', r.metadata ?? null)) term.run(t, id);
        if (r.error) errorText.run(id, r.error.message);
        bump(counts, `${r.jobName}\u0000${r.status}`);
        bump(minutes, `${Math.floor(r.finishedAt / MINUTE)}\u0000${r.status}`);
        n++;
      }
      for (const [key, delta] of counts) {
        const [job, status] = key.split('\u0000') as [string, string];
        this.#count(job, status, delta);
      }
      const minute = this.db.prepare(
        `INSERT INTO finished_by_minute (minute, status, n) VALUES (?, ?, ?)
         ON CONFLICT (minute, status) DO UPDATE SET n = n + excluded.n`,
      );
      for (const [key, delta] of minutes) {
        const [m, status] = key.split('\u0000') as [string, string];
        minute.run(Number(m), status, delta);
      }
    })();
    this.db.pragma('wal_checkpoint(TRUNCATE)'); // readers should not wade through a huge WAL
    return n;
  }

  /** Old finished-per-minute buckets are only kept for a day and a bit. */
  pruneCounters(now: Date): void {
    this.stmt('DELETE FROM finished_by_minute WHERE minute < ?').run(
      Math.floor(now.getTime() / MINUTE) - 48 * 60,
    );
  }
}
