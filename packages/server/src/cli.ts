import { readClusterEnv } from './cluster/config.js';
import { readServerEnv } from './config.js';
import { createLogger } from './logger.js';
import { startJobsServer } from './start.js';
import { stopOnSignal } from './stop-on-signal.js';

const roles = readClusterEnv();
if (roles.ok && roles.env.JOBS_ROLE === 'worker') {
  await import('./worker-cli.js'); // a worker node serves no API and needs no token
} else {
  await serve();
}

async function serve() {
  const parsed = readServerEnv();
  const clusterEnv = roles.ok ? roles.env : null;
  if (!parsed.ok || !clusterEnv) {
    const problems = [...(parsed.ok ? [] : parsed.problems), ...(roles.ok ? [] : roles.problems)];
    process.stderr.write(
      `jobs-server refuses to start:\n${problems.map((p) => `  ${p}`).join('\n')}\n` +
        (problems.some((p) => p.startsWith('JOBS_API_TOKEN'))
          ? 'The jobs API needs a service token: start it with JOBS_API_TOKEN=<a long random string>.\n'
          : ''),
    );
    process.exit(1);
  }
  const env = parsed.env;
  const logger = createLogger('engine', { level: env.LOG_LEVEL });

  try {
    const server = await startJobsServer({
      token: env.JOBS_API_TOKEN,
      dbPath: env.JOBS_DB,
      databaseUrl: env.DATABASE_URL,
      host: env.HOST,
      port: env.PORT,
      demoJobs: clusterEnv.JOBS_MODULE ? false : env.JOBS_DEMO,
      jobsModule: clusterEnv.JOBS_MODULE,
      redisUrl: clusterEnv.REDIS_URL,
      redisPrefix: clusterEnv.REDIS_PREFIX,
      // With PostgreSQL, runs go through pg-boss to worker nodes (JOBS_ROLE=api) or to those and this process (all).
      cluster: env.DATABASE_URL
        ? {
            role: clusterEnv.JOBS_ROLE === 'api' ? 'api' : 'all',
            capacity: clusterEnv.JOBS_WORKER_CONCURRENCY,
            heartbeatMs: clusterEnv.JOBS_HEARTBEAT_MS,
            stalledAfterMs: clusterEnv.JOBS_STALLED_AFTER_MS,
            clockSkewMs: clusterEnv.JOBS_TEST_CLOCK_SKEW_MS,
          }
        : undefined,
      schedules: env.JOBS_SCHEDULES,
      socketLimits: {
        perToken: env.JOBS_SOCKETS_PER_TOKEN,
        messagesPerSecond: env.JOBS_SOCKET_MESSAGES_PER_SECOND,
      },
      logger,
    });
    stopOnSignal(() => server.close(), logger, 'jobs server');
  } catch (err) {
    process.stderr.write(`jobs-server could not start: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
