import { describe, expect, it } from 'vitest';
import { formatEta, formatRate, fractionDone, paceOf } from './eta.js';
import { clampPercent, formatCount } from './number.js';

const now = new Date('2026-01-08T10:30:00.000Z');
const startedSecondsAgo = (s: number) => new Date(now.getTime() - s * 1000).toISOString();

describe('fractionDone', () => {
  it('prefers current/total over percent', () => {
    expect(fractionDone({ percent: 10, current: 50, total: 100 })).toBe(0.5);
  });
  it('falls back to percent, clamps, and gives null without numbers', () => {
    expect(fractionDone({ percent: 25 })).toBe(0.25);
    expect(fractionDone({ current: 500, total: 100 })).toBe(1);
    expect(fractionDone({ message: 'working' })).toBeNull();
    expect(fractionDone(null)).toBeNull();
    expect(fractionDone({ current: 3, total: 0 })).toBeNull();
  });
});

describe('paceOf', () => {
  it('extrapolates linearly: half done in 60 s leaves 60 s', () => {
    const pace = paceOf({ startedAt: startedSecondsAgo(60), progress: { percent: 50 } }, now);
    expect(pace.etaMs).toBe(60_000);
    expect(pace.itemsPerSecond).toBeNull();
  });
  it('gives a rate when the job reports items', () => {
    const pace = paceOf({ startedAt: startedSecondsAgo(10), progress: { current: 250, total: 1000 } }, now);
    expect(pace.itemsPerSecond).toBe(25);
    expect(pace.etaMs).toBe(30_000);
  });
  it('gives no estimate when too early, not started, or finished', () => {
    expect(paceOf({ startedAt: startedSecondsAgo(0.5), progress: { percent: 50 } }, now).etaMs).toBeNull();
    expect(paceOf({ startedAt: null, progress: { percent: 50 } }, now).etaMs).toBeNull();
    expect(paceOf({ startedAt: startedSecondsAgo(60), progress: { percent: 0.5 } }, now).etaMs).toBeNull();
    expect(paceOf({ startedAt: startedSecondsAgo(60), progress: { percent: 100 } }, now).etaMs).toBeNull();
  });
});

describe('formatRate / formatEta / formatCount / clampPercent', () => {
  it('formats', () => {
    expect(formatRate(12.54)).toBe('13/s');
    expect(formatRate(9.54)).toBe('9.5/s');
    expect(formatRate(0.34)).toBe('0.3/s');
    expect(formatRate(1234)).toBe('1,234/s');
    expect(formatRate(-1)).toBe('—');
    expect(formatEta(125_000)).toBe('~2m 5s left');
    expect(formatCount(1247)).toBe('1,247');
    expect(formatCount(Number.NaN)).toBe('—');
    expect(clampPercent(140)).toBe(100);
    expect(clampPercent(-3)).toBe(0);
    expect(clampPercent(Number.NaN)).toBe(0);
  });
});
