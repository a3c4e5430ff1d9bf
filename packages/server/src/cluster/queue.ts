import PgBoss from 'pg-boss';
import type { Logger } from '../logger.js';
import type { Queryable } from '../store/postgres/pool.js';

/** One pg-boss queue per job, so a job at its concurrency limit never holds up the others. */
export const queueOf = (jobName: string) => `jobs.${jobName}`;

/**
 * The pg-boss job of a run has an id derived from the run's id, so the transaction that cancels a
 * queued run can delete it without looking it up.
 */
export function bossIdOf(runId: string): string {
  const n = BigInt(runId);
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** What a pg-boss job carries: only the run's id; the run itself lives in `runs`. */
export interface RunMessage {
  runId: string;
}

/** pg-boss statements on the caller's transaction (pg-boss's `db` option). */
export const onTransaction = (db: Queryable): PgBoss.Db => ({
  executeSql: (text, values) => db.query(text, values),
});

/**
 * A delivered pg-boss job that could not start its run (the job's cluster-wide slots were taken
 * in between) is failed back with no delay: it keeps its `created_on`, so FIFO order holds. The
 * limit is high because such a hand-back is not a failure of the run.
 */
const QUEUE_POLICY: Omit<PgBoss.Queue, 'name'> = {
  policy: 'standard',
  retryLimit: 1_000_000,
  retryDelay: 0,
  retryBackoff: false,
  // a job fetched by a worker that died before starting its run is delivered again after this
  expireInSeconds: 30,
  retentionMinutes: 60,
};

export async function openBoss(databaseUrl: string, logger: Logger, max = 4): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max,
    application_name: 'jobs-dispatch',
    schedule: false, // no pg-boss cron: schedules are the engine's
    supervise: true,
    maintenanceIntervalSeconds: 15,
    archiveCompletedAfterSeconds: 60,
  });
  // pg-boss reports its own connection trouble as events; an unhandled 'error' would end the process.
  boss.on('error', (err) => logger.warn({ err: String(err) }, 'pg-boss reported an error'));
  await boss.start();
  return boss;
}

export async function ensureQueues(boss: PgBoss, jobNames: readonly string[]): Promise<void> {
  for (const name of jobNames)
    await boss.createQueue(queueOf(name), { name: queueOf(name), ...QUEUE_POLICY });
}
