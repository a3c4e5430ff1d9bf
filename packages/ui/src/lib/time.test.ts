import { describe, expect, it } from 'vitest';
import { formatDuration, formatElapsed, formatRelative, formatTimestamp, parseTime } from './time.js';

const now = new Date('2026-01-08T10:30:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('formatDuration', () => {
  it.each([
    [127, '127ms'],
    [0, '0ms'],
    [34_000, '34s'],
    [125_000, '2m 5s'],
    [120_000, '2m'],
    [3_720_000, '1h 2m'],
    [3 * 86_400_000 + 4 * 3_600_000, '3d 4h'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('refuses nonsense with a dash', () => {
    expect(formatDuration(-1)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatElapsed', () => {
  it.each([
    [0, '0s'],
    [919, '0s'],
    [1_999, '1s'],
    [125_400, '2m 5s'],
  ])('%i ms reads %s: whole seconds, as the clock that redraws it ticks', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });

  it('refuses nonsense with a dash', () => {
    expect(formatElapsed(-1)).toBe('—');
    expect(formatElapsed(Number.NaN)).toBe('—');
  });
});

describe('formatRelative', () => {
  it.each([
    [0, 'just now'],
    [2_000, '2s ago'],
    [59_999, '59s ago'],
    [180_000, '3m ago'],
    [5 * 3_600_000, '5h ago'],
    [2 * 86_400_000, '2d ago'],
  ])('%i ms ago reads %s', (ms, text) => {
    expect(formatRelative(ago(ms), now)).toBe(text);
  });

  it('reads a future time (clock skew) as just now, and a missing one as a dash', () => {
    expect(formatRelative(ago(-5000), now)).toBe('just now');
    expect(formatRelative(null, now)).toBe('—');
    expect(formatRelative('not a date', now)).toBe('—');
  });
});

describe('formatTimestamp / parseTime', () => {
  it('prints UTC without the T and milliseconds', () => {
    expect(formatTimestamp('2024-01-08T10:23:45.123Z')).toBe('2024-01-08 10:23:45');
    expect(formatTimestamp(undefined)).toBe('—');
  });
  it('returns null for garbage', () => {
    expect(parseTime('yesterday')).toBeNull();
    expect(parseTime('2024-01-08T10:23:45Z')).toBe(Date.UTC(2024, 0, 8, 10, 23, 45));
  });
});
