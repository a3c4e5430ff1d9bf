import { z } from 'zod';
import { jsonLogger } from './logger.js';
import { startJobsServer } from './start.js';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  JOBS_DB: z.string().min(1).default('./data/jobs.db'),
  JOBS_API_TOKEN: z.string({ error: 'JOBS_API_TOKEN is not set' }).trim().min(1, 'JOBS_API_TOKEN is empty'),
  JOBS_DEMO: z.enum(['0', '1', 'false', 'true']).default('1'),
  JOBS_SCHEDULES: z.enum(['0', '1', 'false', 'true']).default('1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

const parsed = Env.safeParse(process.env);
if (!parsed.success) {
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
  process.stderr.write(
    `jobs-server refuses to start:\n${problems}\n` +
      (parsed.error.issues.some((i) => i.path[0] === 'JOBS_API_TOKEN')
        ? 'The jobs API needs a service token: start it with JOBS_API_TOKEN=<a long random string>.\n'
        : ''),
  );
  process.exit(1);
}
const env = parsed.data;
const logger = jsonLogger({ level: env.LOG_LEVEL });

try {
  const server = await startJobsServer({
    token: env.JOBS_API_TOKEN,
    dbPath: env.JOBS_DB,
    host: env.HOST,
    port: env.PORT,
    demoJobs: env.JOBS_DEMO === '1' || env.JOBS_DEMO === 'true',
    schedules: env.JOBS_SCHEDULES === '1' || env.JOBS_SCHEDULES === 'true',
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
