import { envFlag, optionalDatabaseUrl } from '@jobs/server/env';
import { z } from 'zod';
import { isApiUrlList } from './api-urls.server.js';

const Port = z.coerce.number().int().min(0).max(65535);
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const RawEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: Port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** one jobs API URL, or several API nodes comma-separated (failover) */
  JOBS_API_URL: z
    .string()
    .trim()
    .refine(isApiUrlList, 'JOBS_API_URL must be an http(s) URL or a comma-separated list of them')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  JOBS_API_TOKEN: optionalText,
  JOBS_DB: optionalText,
  /** a module whose defineJob exports are the embedded engine's jobs (replacing the demo jobs) */
  JOBS_MODULE: optionalText,
  DEMO_JOBS: envFlag(true),
  /** Cron schedules of the embedded engine; off gives a quiet engine (tests, benchmarks). */
  JOBS_SCHEDULES: envFlag(true),
  ADMIN_EMAIL: optionalText.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalText.pipe(z.string().min(8, 'must be at least 8 characters').optional()),
  VIEWER_EMAIL: optionalText.pipe(z.email().optional()),
  VIEWER_PASSWORD: optionalText.pipe(z.string().min(8, 'must be at least 8 characters').optional()),
  SESSION_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  /** Set when a TLS-terminating proxy sits in front: cookies become Secure and the proxy is trusted. */
  TRUST_PROXY: envFlag(false),
  /** Sessions, login throttle and audit in this PostgreSQL, shared by every dashboard node (and the embedded engine's store). */
  DATABASE_URL: optionalDatabaseUrl(),
  /**
   * Which peers count as that proxy (comma-separated addresses, CIDRs, or loopback/linklocal/
   * uniquelocal). Only a request arriving from one of them may set its client address and scheme
   * through X-Forwarded-*; a client reaching the dashboard directly cannot.
   */
  TRUST_PROXY_FROM: optionalText,
});

function pairs(env: z.infer<typeof RawEnv>, ctx: z.RefinementCtx) {
  const both = (a: keyof typeof env, b: keyof typeof env) => {
    if ((env[a] === undefined) !== (env[b] === undefined))
      ctx.addIssue({ code: 'custom', path: [env[a] ? b : a], message: `${a} and ${b} go together` });
  };
  both('JOBS_API_URL', 'JOBS_API_TOKEN');
  both('ADMIN_EMAIL', 'ADMIN_PASSWORD');
  both('VIEWER_EMAIL', 'VIEWER_PASSWORD');
}

const EnvSchema = RawEnv.superRefine(pairs).transform((env) => ({
  mode: env.NODE_ENV,
  port: env.PORT,
  host: env.HOST,
  dataDir: env.DATA_DIR,
  upstream:
    env.JOBS_API_URL && env.JOBS_API_TOKEN
      ? ({ kind: 'remote', url: env.JOBS_API_URL.replace(/\/$/, ''), token: env.JOBS_API_TOKEN } as const)
      : ({
          kind: 'embedded',
          dbPath: env.JOBS_DB,
          demoJobs: env.DEMO_JOBS,
          schedules: env.JOBS_SCHEDULES,
          jobsModule: env.JOBS_MODULE,
        } as const),
  admin:
    env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : null,
  viewer:
    env.VIEWER_EMAIL && env.VIEWER_PASSWORD
      ? { email: env.VIEWER_EMAIL, password: env.VIEWER_PASSWORD }
      : null,
  sessionSecret: env.SESSION_SECRET ?? null,
  trustProxy: env.TRUST_PROXY,
  databaseUrl: env.DATABASE_URL ?? null,
  trustedProxies: (env.TRUST_PROXY_FROM ?? 'loopback')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
}));

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses the environment once at boot; every problem is listed by variable name, values never echoed. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
}
