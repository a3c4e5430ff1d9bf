/**
 * Structured logs as JSON lines. The shape `(fields, message)` is pino's, so a pino logger can be
 * passed in `startJobsServer({ logger })` unchanged; by default lines go to stdout.
 */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

type Level = keyof Logger;
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function jsonLogger(
  options: { level?: Level; write?: (line: string) => void; base?: Record<string, unknown> } = {},
): Logger {
  const min = RANK[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const base = options.base ?? {};
  const at =
    (level: Level) =>
    (fields: Record<string, unknown>, msg: string): void => {
      if (RANK[level] < min) return;
      write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...base, ...fields })}\n`);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
