import type PgBoss from 'pg-boss';
import type { Dispatcher } from '../engine/dispatcher.js';
import type { Logger } from '../logger.js';
import type { PostgresJobStore } from '../store/postgres/store.js';
import { BossInsert } from './boss-insert.js';
import { bossIdOf, onTransaction, queueOf } from './queue.js';
import { CHANNEL, signal } from './signals.js';
import type { JobsWorker } from './worker.js';

/** queued-work signals of one node are coalesced to one per this many ms */
const WAKE_MS = 5;

/**
 * Runs this store inserts get their pg-boss job in the same commit (and lose it in the commit that
 * cancels them while queued): API nodes, and worker processes that enqueue (retries after a stall).
 */
export function queueOnBoss(store: PostgresJobStore, boss: PgBoss): void {
  const inserts = new BossInsert(boss);
  store.queueHooks = {
    queued: (jobName) => inserts.statement(jobName),
    withdrawn: async (db, run) => {
      await boss.deleteJob(queueOf(run.jobName), bossIdOf(run.id), { db: onTransaction(db) });
    },
  };
}

/**
 * The dispatch seam on pg-boss. The store calls `queued` inside the transaction that inserts a
 * run and `withdrawn` inside the one that cancels a queued run, so the run and its pg-boss job are
 * created (and deleted) in one commit. `dispatch` then only wakes idle workers; `withdraw` has
 * nothing left to do; `cancel` signals whichever worker holds the run.
 */
export class ClusterDispatcher implements Dispatcher {
  #wakePending = false;

  constructor(
    private readonly store: PostgresJobStore,
    private readonly boss: PgBoss,
    private readonly logger: Logger,
    /** the worker sharing this process (role `all`), or none (role `api`) */
    private readonly worker: JobsWorker | null,
  ) {
    queueOnBoss(store, boss);
  }

  /**
   * Called once the run and its pg-boss job are committed: idle workers look for work now rather
   * than at their next poll. Sent after the commit, not inside it (a NOTIFY in the transaction
   * would serialise every enqueue's commit), and at most one per `WAKE_MS` per node.
   */
  dispatch(): void {
    if (this.#wakePending) return;
    this.#wakePending = true;
    setTimeout(() => {
      this.#wakePending = false;
      signal(this.store.pool, CHANNEL.queued, '').catch(() => {}); // workers poll anyway
    }, WAKE_MS).unref();
  }

  withdraw(): void {}

  cancel(runId: string): void {
    signal(this.store.pool, CHANNEL.cancel, runId).catch((err) =>
      this.logger.warn(
        { runId, err: String(err) },
        'cancel signal not sent; the worker sees the cancel at its next heartbeat',
      ),
    );
  }

  counts() {
    return this.worker?.counts() ?? { running: 0, waiting: 0 };
  }

  /**
   * The hooks stay installed: a request still in flight after this commits its run with its
   * pg-boss job (the insert is SQL of the same transaction) or not at all, never one without the other.
   */
  async close(): Promise<void> {
    await this.worker?.close();
    await this.boss.stop({ graceful: false, wait: true, close: true }).catch(() => {});
  }
}
