import { readServerEnv } from './config.js';
import { createLogger } from './logger.js';
import { startJobsServer } from './start.js';

const parsed = readServerEnv();
if (!parsed.ok) {
  process.stderr.write(
    `jobs-server refuses to start:\n${parsed.problems.map((p) => `  ${p}`).join('\n')}\n` +
      (parsed.problems.some((p) => p.startsWith('JOBS_API_TOKEN'))
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
    demoJobs: env.JOBS_DEMO,
    schedules: env.JOBS_SCHEDULES,
    socketLimits: {
      perToken: env.JOBS_SOCKETS_PER_TOKEN,
      messagesPerSecond: env.JOBS_SOCKET_MESSAGES_PER_SECOND,
    },
    logger,
  });
  const stop = (signal: string) => {
    logger.info({ event: 'shutdown', signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err: String(err) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  process.stderr.write(`jobs-server could not start: ${(err as Error).message}\n`);
  process.exit(1);
}
