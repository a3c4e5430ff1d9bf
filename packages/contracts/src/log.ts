import { z } from 'zod';
import { LIMITS, TRUNCATION_MARKER } from './limits.js';

export const LogLevel = z.enum(['debug', 'info', 'warn', 'error']);
export type LogLevel = z.infer<typeof LogLevel>;

export const LogLine = z.object({
  seq: z.number().int().nonnegative(),
  at: z.iso.datetime({ offset: true }),
  level: LogLevel,
  message: z.string().max(LIMITS.logMessageBytes + TRUNCATION_MARKER.length),
});
export type LogLine = z.infer<typeof LogLine>;

/** Cuts a message to the log line limit (counted in UTF-16 units, a safe bound on bytes shown). */
export function truncateLogMessage(message: string): string {
  if (message.length <= LIMITS.logMessageBytes) return message;
  return message.slice(0, LIMITS.logMessageBytes) + TRUNCATION_MARKER;
}
