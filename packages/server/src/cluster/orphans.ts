import type PgBoss from 'pg-boss';
import type { Logger } from '../logger.js';
import { isStoreUnavailable } from '../store/errors.js';
import { run } from '../store/postgres/pool.js';
import type { PostgresJobStore } from '../store/postgres/store.js';
import { bossIdOf, queueOf } from './queue.js';

/** a queued run younger than this may still be committing its pg-boss job */
const GRACE = '30 seconds';

/**
 * QUEUED runs that have no pg-boss job (enqueued while the node ran without the cluster dispatcher,
 * e.g. before the switch to workers) are given one, with the same id the enqueue would have used,
 * so they are run, and only once.
 */
export async function adoptOrphans(store: PostgresJobStore, boss: PgBoss, logger: Logger): Promise<number> {
  try {
    const orphans = await run<{ id: number; job_name: string }>(
      store.pool,
      `SELECT r.id, r.job_name FROM runs r
       WHERE r.status = 'QUEUED' AND r.queued_at < now() - interval '${GRACE}'
         AND NOT EXISTS (SELECT 1 FROM pgboss.job j
                         WHERE j.id = ('00000000-0000-4000-8000-' || lpad(to_hex(r.id), 12, '0'))::uuid)
       ORDER BY r.id LIMIT 1000`,
    );
    for (const o of orphans) {
      const runId = String(o.id);
      await boss.send(queueOf(o.job_name), { runId }, { id: bossIdOf(runId) });
    }
    if (orphans.length)
      logger.warn(
        { event: 'orphans_adopted', count: orphans.length },
        'queued runs without a pg-boss job were given one',
      );
    return orphans.length;
  } catch (err) {
    if (!isStoreUnavailable(err))
      logger.warn({ err: String(err) }, 'could not look for queued runs without a pg-boss job');
    return 0;
  }
}
