import { JOB_EVENT, type JobRun } from '@jobs/contracts';
import type { JobEvents } from '../engine/events.js';
import type { Logger } from '../logger.js';
import { isStoreUnavailable } from '../store/errors.js';
import { run } from '../store/postgres/pool.js';
import type { PostgresJobStore } from '../store/postgres/store.js';
import type { DbClock } from './db-clock.js';

const BATCH = 500;

/**
 * Runs whose heartbeat is older than `stalledAfterMs` by the database's own clock (`now()`), so no
 * node's clock takes part in the judgement. Every node sweeps; the end of a run is one conditional
 * transaction (still RUNNING, heartbeat still older than the threshold), so a stalled run ends
 * FAILED exactly once, by exactly one node, and its old attempt's late writes change nothing.
 */
export class StallSweep {
  #timer: NodeJS.Timeout | null = null;
  #running = false;

  constructor(
    private readonly store: PostgresJobStore,
    private readonly clock: DbClock,
    private readonly events: JobEvents,
    private readonly logger: Logger,
    private readonly options: {
      stalledAfterMs: number;
      everyMs: number;
      /** called once for each run this node declared stalled (the one node whose end landed) */
      onStalled?: (run: JobRun) => Promise<void>;
      /**
       * after each pass: what a node that stopped right after declaring a run stalled left undone
       * (its `onStalled`), so that work is not lost with the node
       */
      catchUp?: () => Promise<unknown>;
    },
  ) {}

  start(): void {
    this.#timer = setInterval(() => void this.sweep(), this.options.everyMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
  }

  /** the runs this node declared stalled in this pass */
  async sweep(): Promise<string[]> {
    if (this.#running) return [];
    this.#running = true;
    const declared: string[] = [];
    try {
      // No heartbeat could be written while PostgreSQL itself was down: after it (re)started, every
      // run gets the full threshold again from then, so live workers are not judged dead for the
      // database's outage (their heartbeats and ends land within it).
      const stalled = await run<{ id: number; since: Date | null; before: Date }>(
        this.store.pool,
        `SELECT r.id, coalesce(r.last_heartbeat_at, r.started_at) AS since,
                now() - $1 * interval '1 millisecond' AS before
         FROM runs r
         WHERE r.status = 'RUNNING'
           AND greatest(coalesce(r.last_heartbeat_at, r.started_at, 'epoch'), pg_postmaster_start_time())
               < now() - $1 * interval '1 millisecond'
         ORDER BY r.id LIMIT $2`,
        [this.options.stalledAfterMs, BATCH],
      );
      for (const row of stalled) {
        const done = await this.store.finishRun(
          String(row.id),
          {
            status: 'FAILED',
            error: {
              message: `stalled: no heartbeat since ${row.since?.toISOString() ?? 'it started'} (its worker stopped answering)`,
              code: 'STALLED',
            },
            heartbeatBefore: row.before,
          },
          this.clock.now(),
        );
        if (!done) continue; // another node was first, or a heartbeat came in between
        declared.push(done.run.id);
        this.events.lifecycle(JOB_EVENT.completed, done, 'stalled-cleanup');
        this.logger.warn(
          { event: 'run_stalled', runId: done.run.id, jobName: done.run.jobName, since: row.since },
          'run declared stalled: no heartbeat from its worker',
        );
        await this.options.onStalled?.(done.run);
      }
      await this.options.catchUp?.();
    } catch (err) {
      if (!isStoreUnavailable(err)) this.logger.error({ err: String(err) }, 'stall sweep failed');
    } finally {
      this.#running = false;
    }
    return declared;
  }
}
