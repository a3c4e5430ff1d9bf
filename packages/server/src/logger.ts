import { type DestinationStream, pino } from 'pino';

/**
 * The structured logger of every Jobs Console process: `(fields, message)`, pino's call shape, so a
 * pino logger fits wherever a `Logger` is asked for.
 */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  /** default: `LOG_LEVEL`, else `info` (`silent` under Vitest unless `LOG_LEVEL` says otherwise) */
  level?: LogLevelName;
  /** where the lines go (default stdout, written synchronously so a crash loses nothing) */
  destination?: DestinationStream;
}

/**
 * One JSON line per call, the same shape in every process:
 * `{"level":"info","time":"2026-…Z","name":"engine","event":"job_completed",…,"msg":"…"}`.
 */
export function createLogger(name: string, options: LoggerOptions = {}): Logger {
  return pino(
    {
      name,
      level: options.level ?? defaultLevel(),
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

function defaultLevel(): LogLevelName {
  const fromEnv = process.env.LOG_LEVEL?.trim().toLowerCase();
  if (fromEnv && (LOG_LEVELS as readonly string[]).includes(fromEnv)) return fromEnv as LogLevelName;
  return process.env.VITEST ? 'silent' : 'info';
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
