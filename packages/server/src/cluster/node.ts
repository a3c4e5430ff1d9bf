import type { JobEvents } from '../engine/events.js';
import type { JobRegistry } from '../jobs/registry.js';
import type { Logger } from '../logger.js';
import type { PostgresJobStore } from '../store/postgres/store.js';
import { ClusterDispatcher } from './dispatcher.js';
import { ensureQueues, openBoss } from './queue.js';
import { JobsWorker, type WorkerOptions } from './worker.js';

export interface ClusterOptions extends Omit<WorkerOptions, 'databaseUrl' | 'events'> {
  /** `api`: enqueue through pg-boss, execute nothing here; `all`: a worker in this process too */
  role: 'api' | 'all';
}

/** The pg-boss dispatcher of an API node (and its in-process worker for role `all`). */
export async function startClusterDispatch(
  store: PostgresJobStore,
  databaseUrl: string,
  registry: JobRegistry,
  events: JobEvents,
  logger: Logger,
  options: ClusterOptions,
): Promise<ClusterDispatcher> {
  const boss = await openBoss(databaseUrl, logger);
  await ensureQueues(
    boss,
    registry.all().map((j) => j.definition.name),
  );
  const worker =
    options.role === 'all'
      ? await JobsWorker.start(store, boss, registry, logger, { ...options, databaseUrl, events })
      : null;
  return new ClusterDispatcher(store, boss, logger, worker);
}
