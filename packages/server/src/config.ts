import { z } from 'zod';
import { envFlag, optionalDatabaseUrl, parseEnv } from './env.js';
import { LOG_LEVELS } from './logger.js';

const count = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

/** Every variable the standalone engine reads, parsed once at boot. */
export const ServerEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  JOBS_DB: z.string().trim().min(1).default('./data/jobs.db'),
  /** PostgreSQL instead of the SQLite file: `postgres://user@host:5432/jobs` */
  DATABASE_URL: optionalDatabaseUrl(),
  JOBS_API_TOKEN: z.string({ error: 'JOBS_API_TOKEN is not set' }).trim().min(1, 'JOBS_API_TOKEN is empty'),
  JOBS_DEMO: envFlag(true),
  JOBS_SCHEDULES: envFlag(true),
  /** sockets one token may hold open at once */
  JOBS_SOCKETS_PER_TOKEN: count(200),
  /** messages one socket may send per second before it is disconnected */
  JOBS_SOCKET_MESSAGES_PER_SECOND: count(50),
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }))
    .default('info'),
});
export type ServerEnv = z.output<typeof ServerEnv>;

export function readServerEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv(ServerEnv, source);
}
