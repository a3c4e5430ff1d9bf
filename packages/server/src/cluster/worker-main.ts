import { JobEvents } from '../engine/events.js';
import { ClusterFanout } from '../fanout/cluster-feed.js';
import { jobThreads } from '../isolation/job-threads.js';
import { demoJobs } from '../jobs/demo/index.js';
import { loadJobDefinitions } from '../jobs/load.js';
import { JobRegistry } from '../jobs/registry.js';
import type { Logger } from '../logger.js';
import { openPostgresStore, redactUrl } from '../store/postgres/open.js';
import type { WorkerEnv } from './config.js';
import { openBoss } from './queue.js';
import { JobsWorker } from './worker.js';

export interface RunningWorker {
  worker: JobsWorker;
  close(): Promise<void>;
}

/** A worker process's whole life: its jobs, the store, pg-boss and the worker loop. */
export async function startWorkerProcess(env: WorkerEnv, logger: Logger): Promise<RunningWorker> {
  const own = env.JOBS_MODULE ? await loadJobDefinitions(env.JOBS_MODULE) : [];
  const useDemo = env.JOBS_MODULE ? false : env.JOBS_DEMO;
  const registry = new JobRegistry([...own, ...(useDemo ? demoJobs : [])]);
  const store = await openPostgresStore(env.DATABASE_URL);
  const boss = await openBoss(env.DATABASE_URL, logger).catch(async (err) => {
    await store.close();
    throw new Error(
      `pg-boss could not start on DATABASE_URL=${redactUrl(env.DATABASE_URL)}: ${(err as Error).message}`,
    );
  });
  // Job code in worker threads; lifecycle commits NOTIFY the gateways, progress goes out on Redis.
  const invoker = jobThreads(
    {
      jobsModule: env.JOBS_MODULE,
      moduleJobs: own,
      demo: useDemo ? demoJobs : null,
      isolation: env.JOBS_ISOLATION,
    },
    logger,
  );
  const events = new JobEvents(logger);
  const fanout = new ClusterFanout({
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    events,
    fromSeq: 0,
    logger,
    role: 'worker',
  });
  const worker = await JobsWorker.start(store, boss, registry, logger, {
    events,
    invoker,
    databaseUrl: env.DATABASE_URL,
    capacity: env.JOBS_WORKER_CONCURRENCY,
    heartbeatMs: env.JOBS_HEARTBEAT_MS,
    stalledAfterMs: env.JOBS_STALLED_AFTER_MS,
    clockSkewMs: env.JOBS_TEST_CLOCK_SKEW_MS,
  });
  return {
    worker,
    close: async () => {
      await worker.close();
      await invoker?.close();
      await fanout.close();
      await boss.stop({ graceful: false, wait: true, close: true }).catch(() => {});
      await store.close();
    },
  };
}
