/** Time formatting shared by every component. Pure: the caller passes `now`, so stories are stable. */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `127ms`, `34s`, `2m 5s`, `1h 2m`, `3d 4h` — the two largest units, as the dashboard writes durations. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < SECOND) return `${Math.round(ms)}ms`;
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)}s`;
  const pair = (big: number, bigUnit: string, small: number, smallUnit: string) =>
    small > 0 ? `${big}${bigUnit} ${small}${smallUnit}` : `${big}${bigUnit}`;
  if (ms < HOUR) return pair(Math.floor(ms / MINUTE), 'm', Math.floor((ms % MINUTE) / SECOND), 's');
  if (ms < DAY) return pair(Math.floor(ms / HOUR), 'h', Math.floor((ms % HOUR) / MINUTE), 'm');
  return pair(Math.floor(ms / DAY), 'd', Math.floor((ms % DAY) / HOUR), 'h');
}

/**
 * How long something still going has run, in whole seconds: it is redrawn once a second, so
 * "919ms" would show for one tick and then jump to "1s".
 */
export function formatElapsed(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  return ms < SECOND ? '0s' : formatDuration(ms);
}

/** Parses an ISO string; null for null or garbage, so one bad timestamp never breaks a row. */
export function parseTime(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** `just now`, `2s ago`, `3m ago`, `5h ago`, `2d ago`; a time in the future (clock skew) reads `just now`. */
export function formatRelative(iso: string | null | undefined, now: Date): string {
  const t = parseTime(iso);
  if (t === null) return '—';
  const ago = now.getTime() - t;
  if (ago < SECOND) return 'just now';
  if (ago < MINUTE) return `${Math.floor(ago / SECOND)}s ago`;
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)}m ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)}h ago`;
  return `${Math.floor(ago / DAY)}d ago`;
}

/** A full timestamp for titles and details: `2024-01-08 10:23:45` in UTC, so it reads the same everywhere. */
export function formatTimestamp(iso: string | null | undefined): string {
  const t = parseTime(iso);
  if (t === null) return '—';
  return new Date(t).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * `2024-01-08 10:23:45 UTC`: a full timestamp with its time zone named, for timelines. UTC unless
 * the host passes an IANA zone (`Europe/Berlin` → `… CET`); it depends on no browser setting, so
 * the server and the browser write the same text.
 */
export function formatZonedTimestamp(iso: string | null | undefined, timeZone = 'UTC'): string {
  const t = parseTime(iso);
  if (t === null) return '—';
  if (timeZone === 'UTC') return `${formatTimestamp(iso)} UTC`;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(t));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')} ${get('timeZoneName')}`;
}
