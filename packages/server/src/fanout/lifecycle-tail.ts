import { JOB_EVENT, type JobLifecycleEvent } from '@jobs/contracts';
import pg from 'pg';
import type { Logger } from '../logger.js';
import { createPool } from '../store/postgres/pool.js';
import { type PgRunRow, SUMMARY, toSummaryRow } from '../store/postgres/rows.js';

/** The channel every node NOTIFYs after a lifecycle commit and LISTENs on: a wake-up, never data. */
export const LIFECYCLE_CHANNEL = 'jobs_lifecycle';

const TYPES = {
  queued: JOB_EVENT.queued,
  started: JOB_EVENT.started,
  completed: JOB_EVENT.completed,
  cancel_requested: JOB_EVENT.cancelRequested,
} as const;

type Row = PgRunRow & { e_seq: number; e_type: keyof typeof TYPES; e_at: Date };

export interface TailOptions {
  /** a read while nobody woke it, in case a NOTIFY was missed (default 1 s) */
  pollMs?: number;
  /** events read per query (default 500) */
  batch?: number;
  /** only NOTIFYs (a worker process): no LISTEN, no poll, nothing read */
  notifyOnly?: boolean;
}

/**
 * Every lifecycle event of the cluster, in seq order, read from `run_events`: whichever node or
 * worker wrote it. The store commits events in seq order (the clock row is taken last in each
 * transaction), so reading `seq > cursor` never skips one that commits later. LISTEN/NOTIFY only
 * says "read now"; a poll covers a missed notification and a lost LISTEN connection.
 */
export class PostgresLifecycleTail {
  readonly #pool: pg.Pool;
  readonly #listeners = new Set<(event: JobLifecycleEvent) => void>();
  #cursor: number;
  #reading: Promise<void> | null = null;
  #again = false;
  #closed = false;
  #listen: pg.Client | null = null;
  #reconnect: NodeJS.Timeout | null = null;
  readonly #poll: NodeJS.Timeout;
  #failing = false;
  #notifying: Promise<void> | null = null;
  #notifyAgain = false;

  constructor(
    private readonly databaseUrl: string,
    fromSeq: number,
    private readonly logger: Logger,
    private readonly options: TailOptions = {},
  ) {
    this.#pool = createPool(databaseUrl, 2);
    this.#cursor = fromSeq;
    this.#poll = setInterval(() => this.wake(), options.pollMs ?? 1000);
    this.#poll.unref();
    if (options.notifyOnly) clearInterval(this.#poll);
    else void this.#connectListener();
  }

  get cursor(): number {
    return this.#cursor;
  }

  on(listener: (event: JobLifecycleEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** reads what was committed since the cursor (one read at a time; a wake during one reads again) */
  wake(): void {
    if (this.#closed || this.options.notifyOnly) return;
    if (this.#reading) {
      this.#again = true;
      return;
    }
    this.#reading = this.#drain().finally(() => {
      this.#reading = null;
      if (this.#again) {
        this.#again = false;
        this.wake();
      }
    });
  }

  /**
   * Tells every node's tail (this one's too) that a lifecycle event was committed: one NOTIFY in
   * flight at a time, a burst of commits costs two at most. Best effort: the poll covers a loss.
   */
  notifyAll(): void {
    if (this.#closed) return;
    if (this.#notifying) {
      this.#notifyAgain = true;
      return;
    }
    this.#notifying = this.#pool
      .query(`NOTIFY ${LIFECYCLE_CHANNEL}`)
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.#notifying = null;
        if (this.#notifyAgain) {
          this.#notifyAgain = false;
          this.notifyAll();
        }
      });
  }

  /** resolves once everything committed before the call has been delivered (tests, shutdown) */
  async settle(): Promise<void> {
    while (this.#reading) await this.#reading;
    this.wake();
    while (this.#reading) await this.#reading;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#poll);
    if (this.#reconnect) clearTimeout(this.#reconnect);
    await this.#reading?.catch(() => {});
    await this.#notifying;
    await this.#listen?.end().catch(() => {});
    await this.#pool.end().catch(() => {});
  }

  async #drain(): Promise<void> {
    const batch = this.options.batch ?? 500;
    try {
      for (;;) {
        const { rows } = await this.#pool.query<Row>(
          `SELECT e.seq AS e_seq, e.type AS e_type, e.at AS e_at, ${SUMMARY}
             FROM run_events e JOIN runs r ON r.id = e.run_id
            WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`,
          [this.#cursor, batch],
        );
        for (const row of rows) {
          if (this.#closed) return;
          this.#cursor = row.e_seq;
          this.#emit(toEvent(row));
        }
        if (this.#failing) {
          this.#failing = false;
          this.logger.info(
            { event: 'lifecycle_tail_resumed', seq: this.#cursor },
            'lifecycle tail reads again',
          );
        }
        if (rows.length < batch) return;
      }
    } catch (err) {
      if (!this.#failing) {
        this.#failing = true;
        this.logger.warn({ err: String(err) }, 'lifecycle tail cannot read run_events; retrying');
      }
    }
  }

  #emit(event: JobLifecycleEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (err) {
        this.logger.error({ err: String(err) }, 'lifecycle listener failed');
      }
    }
  }

  async #connectListener(): Promise<void> {
    if (this.#closed) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5000 });
    const retry = () => {
      if (this.#closed || this.#reconnect) return;
      this.#listen = null;
      client.end().catch(() => {});
      this.#reconnect = setTimeout(() => {
        this.#reconnect = null;
        void this.#connectListener();
      }, 1000);
      this.#reconnect.unref();
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query(`LISTEN ${LIFECYCLE_CHANNEL}`);
      if (this.#closed) {
        await client.end().catch(() => {});
        return;
      }
      this.#listen = client;
      this.wake(); // anything committed while it was not listening
    } catch {
      retry();
    }
  }
}

function toEvent(row: Row): JobLifecycleEvent {
  const run = toSummaryRow(row);
  const ids = { jobRunId: run.id, jobName: run.jobName, version: run.version };
  const at = row.e_at.toISOString();
  if (row.e_type === 'cancel_requested') {
    return {
      type: JOB_EVENT.cancelRequested,
      at,
      seq: row.e_seq,
      // a cancel is never withdrawn: the run's current row still carries when it was asked
      data: { ...ids, cancelRequestedAt: run.cancelRequestedAt ?? at },
    };
  }
  // The run as it is now (its version may be past the event's): the client keeps the newest version.
  return { type: TYPES[row.e_type], at, seq: row.e_seq, data: { ...ids, run } } as JobLifecycleEvent;
}
