import type { JobDefinitionInput } from '../jobs/define.js';
import { jobsModuleUrl } from '../jobs/load.js';
import type { Logger } from '../logger.js';
import { ThreadPool } from './thread-pool.js';

/** the demo jobs' module, loaded by worker threads (the main thread imports it statically) */
export const DEMO_JOBS_MODULE = new URL('../jobs/demo/index.ts', import.meta.url).href;

/**
 * The worker threads for a process's job modules (its `JOBS_MODULE`, the demo jobs), or nothing
 * when it has none or runs its jobs inline. API nodes, embedded servers and worker processes all
 * build theirs here, so job code never runs on the event loop that serves sockets or heartbeats.
 */
export function jobThreads(
  input: {
    jobsModule?: string | undefined;
    moduleJobs: readonly JobDefinitionInput[];
    demo: readonly JobDefinitionInput[] | null;
    isolation?: 'threads' | 'inline' | undefined;
  },
  logger: Logger,
): ThreadPool | undefined {
  const modules = [
    ...(input.jobsModule ? [jobsModuleUrl(input.jobsModule)] : []),
    ...(input.demo ? [DEMO_JOBS_MODULE] : []),
  ];
  if (input.isolation === 'inline' || modules.length === 0) return undefined;
  const names = new Set([...input.moduleJobs, ...(input.demo ?? [])].map((j) => j.name));
  return new ThreadPool({ modules, names }, logger);
}
