import { readWorkerEnv } from './cluster/config.js';
import { startWorkerProcess } from './cluster/worker-main.js';
import { createLogger } from './logger.js';

const parsed = readWorkerEnv();
if (!parsed.ok) {
  process.stderr.write(`jobs-worker refuses to start:\n${parsed.problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
const logger = createLogger('worker', { level: parsed.env.LOG_LEVEL });
try {
  const running = await startWorkerProcess(parsed.env, logger);
  const stop = (signal: string) => {
    logger.info({ event: 'shutdown', signal }, 'worker shutting down');
    running.close().then(
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
  process.stderr.write(`jobs-worker could not start: ${(err as Error).message}\n`);
  process.exit(1);
}
