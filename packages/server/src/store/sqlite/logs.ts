import { type LogLevel, type LogLine, truncateLogMessage } from '@jobs/contracts';
import type { Statements } from './statements.js';

/** A run keeps at most this many log lines; past it one marker line says the rest were dropped. */
export const MAX_LOG_LINES = 10_000;

export function appendLog(
  sql: Statements,
  id: string,
  level: LogLevel,
  message: string,
  now: Date,
): LogLine | null {
  return sql.write((): LogLine | null => {
    const row = sql
      .get(`UPDATE runs SET log_count = log_count + 1 WHERE id = ? AND log_count <= ? RETURNING log_count`)
      .get(Number(id), MAX_LOG_LINES) as { log_count: number } | undefined;
    if (!row) return null;
    const seq = row.log_count;
    const line: LogLine =
      seq > MAX_LOG_LINES
        ? {
            seq,
            at: now.toISOString(),
            level: 'warn',
            message: `log limit of ${MAX_LOG_LINES} lines reached; further lines are dropped`,
          }
        : { seq, at: now.toISOString(), level, message: truncateLogMessage(message) };
    sql
      .get('INSERT INTO run_logs (run_id, seq, at, level, message) VALUES (?, ?, ?, ?, ?)')
      .run(Number(id), seq, now.getTime(), line.level, line.message);
    return line;
  });
}

export function readLogs(
  sql: Statements,
  id: string,
  after: number,
  limit: number,
): { lines: LogLine[]; nextAfter: number } {
  const rows = sql
    .get('SELECT seq, at, level, message FROM run_logs WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?')
    .all(Number(id), after, limit) as Array<{ seq: number; at: number; level: LogLevel; message: string }>;
  const lines = rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  return { lines, nextAfter: lines.length ? lines[lines.length - 1]!.seq : after };
}
