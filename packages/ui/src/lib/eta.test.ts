import { describe, expect, it } from 'vitest';
import { type EtaMemory, etaLeft, formatEta, formatRate, fractionDone, nextEta, paceOf } from './eta.js';
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

describe('a steady ETA', () => {
  const start = now.getTime();
  const run = (percent: number) => ({ startedAt: new Date(start).toISOString(), progress: { percent } });

  it("counts down between a batch job's reports instead of creeping up, and a report moves it a part of the way", () => {
    // Reports: 25 % at 10 s, 50 % at 25 s (a slow batch), 75 % at 35 s; rendered every second.
    const reports = new Map([
      [10, 25],
      [25, 50],
      [35, 75],
    ]);
    let memory: EtaMemory | null = null;
    let percent = 0;
    const seen: (number | null)[] = [];
    for (let s = 1; s <= 40; s += 1) {
      percent = reports.get(s) ?? percent;
      memory = nextEta(memory, run(percent), start + s * 1000);
      seen.push(etaLeft(memory, start + s * 1000));
    }
    // From the first report on, never up between two reports.
    for (let s = 11; s <= 40; s += 1) {
      if (reports.has(s)) continue;
      const before = seen[s - 2];
      const after = seen[s - 1];
      if (before != null && after != null) expect(after).toBeLessThan(before);
    }
    // At 25 s the raw projection says 25 s left (was 15 s by the first one): it moves 30 % of the way.
    expect(seen[24]).toBeCloseTo(15_000 + 0.3 * (25_000 - 15_000), -2);
  });

  it('reads "finishing…" under a second and past the projected end, never "~786ms left"', () => {
    expect(formatEta(786)).toBe('finishing…');
    expect(formatEta(0)).toBe('finishing…');
    expect(formatEta(-4000)).toBe('finishing…');
    expect(formatEta(1499)).toBe('~1s left');
    expect(formatEta(59_600)).toBe('~59s left');
  });

  it('gives no estimate before it can project, and forgets nothing on a render without news', () => {
    expect(nextEta(null, { startedAt: null, progress: { percent: 50 } }, start)).toBeNull();
    const early = nextEta(null, run(50), start + 500);
    expect(etaLeft(early, start + 500)).toBeNull();
    const later = nextEta(early, run(50), start + 2000);
    expect(etaLeft(later, start + 2000)).toBe(2000);
    expect(nextEta(later, run(50), start + 3000)).toBe(later);
  });
});
