import { readWorkerEnv } from './cluster/config.js';
import { startWorkerProcess } from './cluster/worker-main.js';
import { createLogger } from './logger.js';
import { stopOnSignal } from './stop-on-signal.js';

const parsed = readWorkerEnv();
if (!parsed.ok) {
  process.stderr.write(`jobs-worker refuses to start:\n${parsed.problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
const logger = createLogger('worker', { level: parsed.env.LOG_LEVEL });
try {
  const running = await startWorkerProcess(parsed.env, logger);
  stopOnSignal(() => running.close(), logger, 'worker');
} catch (err) {
  process.stderr.write(`jobs-worker could not start: ${(err as Error).message}\n`);
  process.exit(1);
}
