import { run } from '../store/postgres/pool.js';
import type { PostgresJobStore } from '../store/postgres/store.js';
import type { JobStore, Lifecycle } from '../store/types.js';
import type { DbClock } from './db-clock.js';

export interface HeartbeatAnswer {
  /** runs whose cancel was recorded (a worker that missed the signal learns it here) */
  cancelRequested: string[];
  /** runs that are not RUNNING any more: declared stalled or ended elsewhere; this attempt must stop */
  lost: string[];
}

/**
 * The store as a worker sees it: every write carries the database's time instead of the caller's
 * `now`, heartbeats are stamped with `now()` in PostgreSQL itself and answer which runs were asked
 * to stop, and each start is reported to whoever waits for it (the cluster-wide slot gate).
 */
export function clockedStore(
  store: PostgresJobStore,
  clock: DbClock,
  hooks: {
    started(id: string, outcome: { started: Lifecycle | null } | { error: unknown }): void;
    heartbeat(answer: HeartbeatAnswer): void;
  },
): JobStore {
  const at = () => clock.now();
  return {
    insertRun: (input) => store.insertRun(input, at()),
    getRun: (id) => store.getRun(id),
    getRawField: (id, field) => store.getRawField(id, field),
    startRun: async (id) => {
      try {
        const started = await store.startRun(id, at());
        hooks.started(id, { started });
        return started;
      } catch (error) {
        hooks.started(id, { error });
        throw error;
      }
    },
    requestCancel: (id) => store.requestCancel(id, at()),
    finishRun: (id, input) => store.finishRun(id, input, at()),
    updateProgress: (id, progress) => store.updateProgress(id, progress, at()),
    heartbeat: async (ids) => {
      if (ids.length === 0) return;
      hooks.heartbeat(await heartbeatByDbClock(store, ids));
    },
    appendLog: (id, level, message) => store.appendLog(id, level, message, at()),
    logs: (id, after, limit) => store.logs(id, after, limit),
    history: (query) => store.history(query),
    active: (limit) => store.active(limit),
    stats: () => store.stats(at()),
    statsSeries: (range, job) => store.statsSeries(range, job, at()),
    listActive: (filter, limit) => store.listActive(filter, limit),
    findStalled: (before, limit) => store.findStalled(before, limit),
    syncDefinitions: (defs) => store.syncDefinitions(defs, at()),
    currentSeq: () => store.currentSeq(),
    close: () => store.close(),
  };
}

/** One statement: stamp the live runs with the database's `now()` and learn their cancel flags. */
export async function heartbeatByDbClock(
  store: PostgresJobStore,
  ids: readonly string[],
): Promise<HeartbeatAnswer> {
  const sorted = [...ids].map(Number).sort((a, b) => a - b);
  const alive = await run<{ id: number; cancel: boolean }>(
    store.pool,
    // rows locked in id order, as progress batches lock them: the two never deadlock
    `WITH locked AS (SELECT id FROM runs WHERE id = ANY($1::int8[]) AND status = 'RUNNING'
                     ORDER BY id FOR UPDATE)
     UPDATE runs r SET last_heartbeat_at = now(), version = r.version + 1
     FROM locked WHERE r.id = locked.id
     RETURNING r.id, r.cancel_requested_at IS NOT NULL AS cancel`,
    [sorted],
  );
  const seen = new Set(alive.map((r) => String(r.id)));
  return {
    cancelRequested: alive.filter((r) => r.cancel).map((r) => String(r.id)),
    lost: ids.filter((id) => !seen.has(id)),
  };
}
