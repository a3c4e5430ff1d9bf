import { createLogger } from '@jobs/server/logger';

/**
 * The dashboard's logger: the one JSON-lines logger every Jobs Console process uses (pino,
 * `LOG_LEVEL`), named "dashboard", called here as `(event, fields)` with the event as the message.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const base = createLogger('dashboard');

export const logger: Logger = {
  info: (event, fields = {}) => base.info({ event, ...fields }, event),
  warn: (event, fields = {}) => base.warn({ event, ...fields }, event),
  error: (event, fields = {}) => base.error({ event, ...fields }, event),
};
