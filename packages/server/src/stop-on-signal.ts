import type { Logger } from './logger.js';

/** SIGINT/SIGTERM close what a CLI started, then exit 0 (1 if closing failed). */
export function stopOnSignal(close: () => Promise<void>, logger: Logger, what: string): void {
  const stop = (signal: string) => {
    logger.info({ event: 'shutdown', signal }, `${what} shutting down`);
    close().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err: String(err) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
