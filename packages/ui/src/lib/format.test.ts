import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock } from './format.js';

describe('format', () => {
  it('formats bytes and clock times', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(300_000)).toBe('300 kB');
    expect(formatBytes(5_242_880)).toBe('5.2 MB');
    expect(formatClock('2026-01-08T10:23:45.120Z')).toBe('10:23:45.120');
    expect(formatClock('nope')).toBe('--:--:--.---');
  });
});
