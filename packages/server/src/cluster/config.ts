import { z } from 'zod';
import { databaseUrl, envFlag, parseEnv } from '../env.js';
import { LOG_LEVELS } from '../logger.js';

const ms = (fallback: number) => z.coerce.number().int().min(1).max(3_600_000).default(fallback);

export const JOBS_ROLES = ['api', 'worker', 'all'] as const;
export type JobsRole = (typeof JOBS_ROLES)[number];

/** What the cluster roles read, beside the API's own variables (`ServerEnv`). */
export const ClusterEnv = z.object({
  /** api: HTTP + socket only; worker: executes runs only; all: both in one process */
  JOBS_ROLE: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(JOBS_ROLES, { error: `JOBS_ROLE must be one of ${JOBS_ROLES.join(', ')}` }))
    .default('all'),
  /** a module whose exported job definitions are loaded (path relative to the working directory) */
  JOBS_MODULE: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  /** runs at once in one worker process */
  JOBS_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(8),
  JOBS_HEARTBEAT_MS: ms(5000),
  JOBS_STALLED_AFTER_MS: ms(30_000),
  /** tests only: shifts this process's clock, to play a machine whose clock is off */
  JOBS_TEST_CLOCK_SKEW_MS: z.coerce.number().int().default(0),
  /** progress and log events between nodes (PostgreSQL mode only); empty: none, each node its own */
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^(rediss?:\/\/.*)?$/, 'REDIS_URL must be a redis:// URL')
    .default('redis://127.0.0.1:6379')
    .transform((v) => (v === '' ? undefined : v)),
  /** the Redis channel prefix the nodes of one cluster share */
  REDIS_PREFIX: z.string().trim().min(1).default('jobs'),
  /** where a worker runs job code: `threads` (default, off its event loop) or `inline` (in it) */
  JOBS_ISOLATION: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['threads', 'inline'], { error: 'JOBS_ISOLATION must be threads or inline' }))
    .default('threads'),
});
export type ClusterEnv = z.output<typeof ClusterEnv>;

export function readClusterEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv(ClusterEnv, source);
}

/** A worker process needs no token: it reads the database and runs jobs, and serves nothing. */
export const WorkerEnv = ClusterEnv.extend({
  DATABASE_URL: databaseUrl('DATABASE_URL is not set (a worker needs the PostgreSQL of its cluster)'),
  JOBS_DEMO: envFlag(true),
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }))
    .default('info'),
});
export type WorkerEnv = z.output<typeof WorkerEnv>;

export function readWorkerEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv(WorkerEnv, source);
}
