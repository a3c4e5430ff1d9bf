import type {
  HistoryQuery,
  JobProgress,
  JobRun,
  JobRunSummary,
  JobStats,
  JsonObject,
  LogLevel,
  LogLine,
  RawField,
  StatsRange,
  StatsSeries,
} from '@jobs/contracts';
import type Database from 'better-sqlite3';
import type { StoreUnavailableError } from '../errors.js';
import type { FinishInput, HistoryPage, Inserted, JobStore, Lifecycle, NewRun } from '../types.js';
import { countRuns, currentSeq, pruneFinished } from './counters.js';
import { openDatabase } from './database.js';
import { queryHistory } from './history.js';
import { appendLog, readLogs } from './logs.js';
import * as reads from './reads.js';
import { Statements } from './statements.js';
import { asUnavailable } from './unavailable.js';
import * as writes from './writes.js';

export { MAX_LOG_LINES } from './logs.js';

/** after a locked answer, how long writers wait before one of them tries again */
const LOCKED_WINDOW_MS = 50;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SqliteStoreOptions {
  /** how long one statement may block the event loop waiting for another process's lock (default 10 ms) */
  busyTimeoutMs?: number;
  /** how long a call keeps retrying a locked database, asynchronously, before it gives up (default 500 ms) */
  busyRetryMs?: number;
}

/**
 * The embedded store: one SQLite file in WAL mode, used from one process. better-sqlite3 is
 * synchronous, so each method is one short transaction that cannot interleave with another; the
 * async signatures are the seam's, for stores that talk to a server.
 *
 * When another process holds the write lock, a statement waits `busyTimeoutMs` at most (that wait
 * blocks the event loop), then the call is retried after a pause that frees the loop, until
 * `busyRetryMs` is spent; then it fails with `StoreUnavailableError`, as a full disk does at once.
 */
export class SqliteJobStore implements JobStore {
  readonly #db: Database.Database;
  readonly #sql: Statements;
  readonly #busyRetryMs: number;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.#db = openDatabase(file, { busyTimeoutMs: options.busyTimeoutMs });
    this.#sql = new Statements(this.#db);
    this.#busyRetryMs = options.busyRetryMs ?? 500;
  }

  /** while in the future, the file was just found locked: writes wait here instead of blocking the loop */
  #lockedUntil = 0;
  #lastBusy: StoreUnavailableError | null = null;

  /**
   * A read: WAL readers never wait for the writer, so it only retries the rare busy answer
   * (a checkpoint or recovery in progress).
   */
  #read<T>(fn: (sql: Statements) => T): Promise<T> {
    return this.#attempt(fn, false);
  }

  /**
   * A write. Once the file was found locked, the next writers wait out a short window without
   * touching SQLite, and then one of them probes again: at most one `busyTimeoutMs` block of the
   * event loop per window, however many writes are waiting.
   */
  #write<T>(fn: (sql: Statements) => T): Promise<T> {
    return this.#attempt(fn, true);
  }

  async #attempt<T>(fn: (sql: Statements) => T, gated: boolean): Promise<T> {
    const deadline = Date.now() + this.#busyRetryMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      const now = Date.now();
      if (gated && now < this.#lockedUntil && this.#lastBusy) {
        if (now + pause > deadline) throw this.#lastBusy;
        await sleep(Math.min(pause, this.#lockedUntil - now));
        continue;
      }
      try {
        return fn(this.#sql);
      } catch (err) {
        const unavailable = asUnavailable(err);
        if (!unavailable) throw err;
        if (unavailable.reason === 'busy') {
          this.#lastBusy = unavailable;
          this.#lockedUntil = Date.now() + LOCKED_WINDOW_MS;
        }
        if (unavailable.reason !== 'busy' || Date.now() + pause > deadline) throw unavailable;
        await sleep(pause);
      }
    }
  }

  insertRun(input: NewRun, now: Date): Promise<Inserted> {
    return this.#write((sql) => writes.insertRun(sql, input, now));
  }
  startRun(id: string, now: Date): Promise<Lifecycle | null> {
    return this.#write((sql) => writes.startRun(sql, id, now));
  }
  requestCancel(id: string, now: Date): Promise<Lifecycle | null> {
    return this.#write((sql) => writes.requestCancel(sql, id, now));
  }
  finishRun(id: string, input: FinishInput, now: Date): Promise<Lifecycle | null> {
    return this.#write((sql) => writes.finishRun(sql, id, input, now));
  }
  updateProgress(id: string, progress: JobProgress, now: Date): Promise<number | null> {
    return this.#write((sql) => writes.updateProgress(sql, id, progress, now));
  }
  heartbeat(ids: readonly string[], now: Date): Promise<void> {
    return this.#write((sql) => writes.heartbeat(sql, ids, now));
  }
  appendLog(id: string, level: LogLevel, message: string, now: Date): Promise<LogLine | null> {
    return this.#write((sql) => appendLog(sql, id, level, message, now));
  }
  syncDefinitions(
    defs: ReadonlyArray<{ name: string; paramsSchema?: JsonObject }>,
    now: Date,
  ): Promise<void> {
    return this.#write((sql) => writes.syncDefinitions(sql, defs, now));
  }

  getRun(id: string): Promise<JobRun | null> {
    return this.#read((sql) => reads.getRun(sql, id));
  }
  getRawField(id: string, field: RawField): Promise<string | null> {
    return this.#read((sql) => reads.getRawField(sql, id, field));
  }
  logs(id: string, after: number, limit: number): Promise<{ lines: LogLine[]; nextAfter: number }> {
    return this.#read((sql) => readLogs(sql, id, after, limit));
  }
  history(query: HistoryQuery): Promise<HistoryPage> {
    return this.#read((sql) =>
      queryHistory(
        {
          all: (text, args) => sql.get(text).all(...args),
          get: (text, args) => sql.get(text).get(...args),
          countRuns: (jobName, status) => countRuns(sql, jobName, status),
        },
        query,
      ),
    );
  }
  active(limit: number): Promise<{ runs: JobRunSummary[]; asOfSeq: number; truncated: boolean }> {
    return this.#read((sql) => reads.active(sql, limit));
  }
  stats(now: Date): Promise<JobStats> {
    return this.#read((sql) => reads.stats(sql, now));
  }
  statsSeries(range: StatsRange, job: string | null, now: Date): Promise<StatsSeries> {
    return this.#read((sql) => reads.statsSeries(sql, range, job, now));
  }
  listActive(filter: { jobName?: string; status?: 'QUEUED' | 'RUNNING' }, limit: number): Promise<JobRun[]> {
    return this.#read((sql) => reads.listActive(sql, filter, limit));
  }
  findStalled(before: Date, limit: number): Promise<JobRun[]> {
    return this.#read((sql) => reads.findStalled(sql, before, limit));
  }
  currentSeq(): Promise<number> {
    return this.#read((sql) => currentSeq(sql));
  }

  /** Old finished-per-minute buckets are only kept for a day and a bit (per job: eight days). */
  pruneCounters(now: Date): Promise<void> {
    return this.#write((sql) => pruneFinished(sql, now.getTime()));
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}
