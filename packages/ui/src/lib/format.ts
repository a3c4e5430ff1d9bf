/**
 * Byte sizes, log clock times and precise durations; the other durations, relative times,
 * timestamps and counts live beside this in `lib/` so every component words them alike.
 */
import { formatDuration } from './time.js';

/** "812 B", "12.4 kB", "5.2 MB" (decimal units, as download sizes are usually shown). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  if (bytes < 1_000_000) return `${trim(bytes / 1000)} kB`;
  return `${trim(bytes / 1_000_000)} MB`;
}

const trim = (n: number) => n.toFixed(1).replace(/\.0$/, '');

/** "10:23:45.120" (UTC, like the shared timestamps) for log lines. */
export function formatClock(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '--:--:--.---';
  return new Date(t).toISOString().slice(11, 23);
}

/** Like the shared formatDuration, but with tenths under 10 s: a queue delay reads "(delay: 2.1s)". */
export function formatPreciseDuration(ms: number): string {
  if (Number.isFinite(ms) && ms >= 1000 && ms < 10_000) return `${trim(ms / 1000)}s`;
  return formatDuration(ms);
}
