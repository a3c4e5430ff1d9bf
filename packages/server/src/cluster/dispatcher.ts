import type PgBoss from 'pg-boss';
import type { Dispatcher } from '../engine/dispatcher.js';
import type { Logger } from '../logger.js';
import type { PostgresJobStore } from '../store/postgres/store.js';
import { bossIdOf, onTransaction, queueOf } from './queue.js';
import { CHANNEL, signal } from './signals.js';
import type { JobsWorker } from './worker.js';

/**
 * The dispatch seam on pg-boss. The store calls `queued` inside the transaction that inserts a
 * run and `withdrawn` inside the one that cancels a queued run, so the run and its pg-boss job are
 * created (and deleted) in one commit. `dispatch` and `withdraw` therefore have nothing left to do;
 * `cancel` signals whichever worker holds the run.
 */
export class ClusterDispatcher implements Dispatcher {
  constructor(
    private readonly store: PostgresJobStore,
    private readonly boss: PgBoss,
    private readonly logger: Logger,
    /** the worker sharing this process (role `all`), or none (role `api`) */
    private readonly worker: JobsWorker | null,
  ) {
    store.queueHooks = {
      queued: async (db, run) => {
        const id = await boss.send(
          queueOf(run.jobName),
          { runId: run.id },
          { id: bossIdOf(run.id), db: onTransaction(db) },
        );
        if (id === null)
          throw new Error(
            `pg-boss refused the job of run #${run.id} (is queue ${queueOf(run.jobName)} created?)`,
          );
        // Delivered at COMMIT, only if it commits: idle workers look for work at once.
        await db.query('SELECT pg_notify($1, $2)', [CHANNEL.queued, run.jobName]);
      },
      withdrawn: async (db, run) => {
        await boss.deleteJob(queueOf(run.jobName), bossIdOf(run.id), { db: onTransaction(db) });
      },
    };
  }

  dispatch(): void {}

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

  async close(): Promise<void> {
    this.store.queueHooks = null;
    await this.worker?.close();
    await this.boss.stop({ graceful: false, wait: true, close: true }).catch(() => {});
  }
}
