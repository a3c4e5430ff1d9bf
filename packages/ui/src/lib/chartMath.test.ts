import { describe, expect, it } from 'vitest';
import {
  cleanSamples,
  downsample,
  failureRate,
  formatRate,
  niceMax,
  progressPoints,
  summarizeBuckets,
} from './chartMath.js';

describe('chart math', () => {
  it('downsamples evenly, keeping both ends', () => {
    const items = Array.from({ length: 1001 }, (_, i) => i);
    const out = downsample(items, 11);
    expect(out).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(downsample([1, 2], 10)).toEqual([1, 2]);
  });

  it('cleans, sorts and clamps samples', () => {
    const out = cleanSamples([
      { at: '2026-01-08T10:00:10Z', percent: 150 },
      { at: 'garbage', percent: 10 },
      { at: '2026-01-08T10:00:00Z', percent: -5 },
      { at: '2026-01-08T10:00:05Z', percent: Number.NaN },
    ]);
    expect(out.map((s) => s.percent)).toEqual([0, 100]);
  });

  it('maps progress into the box, 0% at the bottom', () => {
    const samples = cleanSamples([
      { at: '2026-01-08T10:00:00Z', percent: 0 },
      { at: '2026-01-08T10:00:10Z', percent: 50 },
      { at: '2026-01-08T10:00:20Z', percent: 100 },
    ]);
    expect(progressPoints(samples, 200, 100)).toBe('0,100 100,50 200,0');
    expect(progressPoints([], 200, 100)).toBe('');
  });

  it('computes failure rates and a summary', () => {
    expect(failureRate({ success: 0, failed: 0, cancelled: 0 })).toBeNull();
    expect(failureRate({ success: 3, failed: 1, cancelled: 0 })).toBe(0.25);
    const s = summarizeBuckets([
      { at: 'a', success: 10, failed: 0, cancelled: 0 },
      { at: 'b', success: 20, failed: 2, cancelled: 1 },
    ]);
    expect(s).toMatchObject({ total: 33, failed: 2, peak: { at: 'b' } });
    expect(formatRate(s.rate)).toBe('6.1%');
    expect(formatRate(0.25)).toBe('25%');
    expect(formatRate(null)).toBe('—');
  });

  it('rounds axis maxima up to 1, 2, 5 × 10^n', () => {
    expect([0, 1, 3, 7, 10, 11, 48, 120].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 50, 200]);
  });
});
