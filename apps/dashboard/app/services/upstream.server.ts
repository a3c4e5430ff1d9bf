import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Env } from './env.server.js';

export interface Upstream {
  url: string;
  token: string;
  kind: 'embedded' | 'remote';
  close(): Promise<void>;
}

/**
 * Embedded (default): the jobs engine runs in this process on loopback, an ephemeral port and a token
 * made fresh at every start, so nothing else on the machine can use it. Remote: JOBS_API_URL + token.
 */
export async function startUpstream(env: Env): Promise<Upstream> {
  if (env.upstream.kind === 'remote') {
    return { kind: 'remote', url: env.upstream.url, token: env.upstream.token, close: async () => {} };
  }
  const { startJobsServer } = await import('@jobs/server');
  const token = randomBytes(32).toString('base64url');
  const server = await startJobsServer({
    token,
    dbPath: env.upstream.dbPath ?? path.join(env.dataDir, 'jobs.db'),
    databaseUrl: env.databaseUrl ?? undefined,
    host: '127.0.0.1',
    port: 0,
    jobsModule: env.upstream.jobsModule,
    demoJobs: env.upstream.jobsModule ? false : env.upstream.demoJobs,
    schedules: env.upstream.schedules,
  });
  return { kind: 'embedded', url: server.url, token, close: async () => server.close() };
}
