import { JOB_EVENT, type JobRun } from '@jobs/contracts';
import type { JobEvents } from '../engine/events.js';
import type { JobRegistry } from '../jobs/registry.js';
import type { Logger } from '../logger.js';
import { run as query } from '../store/postgres/pool.js';
import type { PostgresJobStore } from '../store/postgres/store.js';
import type { DbClock } from './db-clock.js';

/**
 * How far back the catch-up looks for a stalled run still without its new attempt. A run declared
 * stalled longer ago than this while no worker was alive to catch it up keeps its FAILED end.
 */
const CATCH_UP_WINDOW_MS = 24 * 60 * 60 * 1000;
const CATCH_UP_BATCH = 100;

export interface StallRetries {
  /** the node whose stalled end landed: the new attempt, at once */
  afterStall(run: JobRun): Promise<void>;
  /**
   * Every sweep: stalled runs whose new attempt is missing, because the node that declared them
   * stopped (or the store went away) between the stalled end's commit and the attempt's. Returns
   * how many it enqueued.
   */
  catchUp(): Promise<number>;
}

/**
 * A new attempt for a run declared stalled, when its job's `stallRetries` allows one (attempts
 * counted by the run's `attempt` number). The insert's idempotency key (`stall-retry:<run id>`)
 * makes every later call for the same stall a replay, so one stall never gives two attempts,
 * whichever node (the one that declared it, or any node's catch-up) makes it first. The retry is
 * queued on pg-boss in the same commit as any enqueue.
 */
export function stallRetries(
  store: PostgresJobStore,
  registry: JobRegistry,
  clock: DbClock,
  events: JobEvents,
  logger: Logger,
): StallRetries {
  const enqueue = async (run: JobRun): Promise<boolean> => {
    const allowed = registry.get(run.jobName)?.input.stallRetries ?? 0;
    if (run.attempt > allowed) return false;
    const inserted = await store.insertRun(
      {
        jobName: run.jobName,
        params: run.params,
        trigger: 'RETRY',
        triggeredBy: 'stalled-retry',
        scope: run.scope ?? null,
        algorithmVersion: run.algorithmVersion ?? null,
        attempt: run.attempt + 1,
        retryOf: run.id,
        idempotencyKey: `stall-retry:${run.id}`,
      },
      clock.now(),
    );
    if (inserted.replayed) return false;
    events.lifecycle(JOB_EVENT.queued, inserted, 'stalled-retry');
    logger.info(
      {
        event: 'run_retried_after_stall',
        runId: inserted.run.id,
        retryOf: run.id,
        attempt: inserted.run.attempt,
      },
      'stalled run enqueued again',
    );
    return true;
  };

  return {
    async afterStall(run) {
      try {
        await enqueue(run);
      } catch (err) {
        // not lost: the next sweep's catch-up (this node's or another's) enqueues it
        logger.error(
          { runId: run.id, err: String(err) },
          'could not enqueue the retry of a stalled run; a later sweep will',
        );
      }
    },

    async catchUp() {
      const retried = registry
        .all()
        .map((j) => [j.definition.name, j.input.stallRetries ?? 0] as const)
        .filter(([, n]) => n > 0);
      if (retried.length === 0) return 0;
      // The error is matched as text as the sweep wrote it (JSON.stringify of { message, code }):
      // PostgreSQL's json operators refuse any value holding \u0000, and a job's own error may.
      // The code is checked again on the parsed run below.
      const missing = await query<{ id: string }>(
        store.pool,
        `SELECT r.id::text AS id FROM runs r
         JOIN unnest($1::text[], $2::int4[]) AS j(name, retries) ON j.name = r.job_name
         WHERE r.status = 'FAILED' AND strpos(r.error::text, '"code":"STALLED"') > 0
           AND r.finished_at > now() - $3 * interval '1 millisecond'
           AND r.attempt <= j.retries
           AND NOT EXISTS (SELECT 1 FROM runs x WHERE x.idempotency_key = 'stall-retry:' || r.id::text)
         ORDER BY r.id LIMIT $4`,
        [retried.map(([name]) => name), retried.map(([, n]) => n), CATCH_UP_WINDOW_MS, CATCH_UP_BATCH],
      );
      let enqueued = 0;
      for (const { id } of missing) {
        const run = await store.getRun(id);
        if (run?.error?.code === 'STALLED' && (await enqueue(run))) {
          enqueued++;
          logger.warn(
            { event: 'stall_retry_caught_up', runId: id },
            'a stalled run had no new attempt yet (its node stopped before enqueuing it): enqueued now',
          );
        }
      }
      return enqueued;
    },
  };
}
