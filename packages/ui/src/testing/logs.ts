/** Log lines for the viewers' stories, tests and benchmark. */
import type { LogLine } from '@jobs/contracts';
import { NOW } from './runs.js';

const LEVELS = ['info', 'info', 'debug', 'info', 'warn', 'info', 'error'] as const;

/** `count` log lines, one in seven an error, some with JSON inside. */
export function makeLogLines(count: number, start = 0): LogLine[] {
  const t0 = NOW.getTime() - count * 10;
  return Array.from({ length: count }, (_, k) => {
    const i = start + k;
    const level = LEVELS[i % LEVELS.length] ?? 'info';
    const message =
      i % 5 === 0
        ? `batch ${i} done {"batch": ${i}, "users": ${i * 3}, "ok": ${level !== 'error'}, "tag": "b-${i}"}`
        : `${level === 'error' ? 'Database timeout on' : 'Processing'} batch ${i} of ${count}`;
    return { seq: i, at: new Date(t0 + i * 10).toISOString(), level, message };
  });
}
