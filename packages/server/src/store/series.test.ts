import { describe, expect, it } from 'vitest';
import {
  bucketUpperMs,
  buildSeries,
  durationBucket,
  NO_DURATION,
  percentileMs,
  seriesWindow,
} from './series.js';

describe('duration buckets', () => {
  it('puts every duration in a bucket whose upper bound is at most 42 % above it', () => {
    for (const ms of [2, 3, 7, 99, 100, 1000, 1024, 1025, 59_999, 3_600_000, 86_400_000]) {
      const upper = bucketUpperMs(durationBucket(ms));
      expect(upper).toBeGreaterThanOrEqual(ms);
      expect(upper).toBeLessThanOrEqual(Math.ceil(ms * Math.SQRT2));
    }
    expect(durationBucket(0)).toBe(0);
    expect(durationBucket(null)).toBe(NO_DURATION);
    expect(durationBucket(Number.NaN)).toBe(NO_DURATION);
    expect(durationBucket(1e15)).toBe(60);
  });

  it('reads a percentile as the bound of the bucket it falls in', () => {
    const h = new Map([
      [durationBucket(100), 40],
      [durationBucket(1000), 55],
      [durationBucket(60_000), 5],
    ]);
    expect(percentileMs(h, 0.5)).toBe(bucketUpperMs(durationBucket(1000)));
    expect(percentileMs(h, 0.95)).toBe(bucketUpperMs(durationBucket(1000)));
    expect(percentileMs(h, 0.96)).toBe(bucketUpperMs(durationBucket(60_000)));
    expect(percentileMs(new Map(), 0.5)).toBeNull();
  });
});

describe('windows', () => {
  it('aligns buckets to whole UTC units, the last one holding now', () => {
    const now = new Date('2026-12-05T10:07:30.000Z');
    expect(seriesWindow('24h', now)).toMatchObject({ bucketMinutes: 15, points: 96 });
    const s = buildSeries(seriesWindow('24h', now), null, [], now);
    expect(s.to).toBe('2026-12-05T10:15:00.000Z');
    expect(s.from).toBe('2026-12-04T10:15:00.000Z');
    expect(s.points.at(-1)?.at).toBe('2026-12-05T10:00:00.000Z');
    const week = buildSeries(seriesWindow('7d', now), null, [], now);
    expect(week.points).toHaveLength(168);
    expect(week.to).toBe('2026-12-05T11:00:00.000Z');
  });

  it('rolls rows up into points, totals and jobs, ignoring what is not a finished status', () => {
    const now = new Date('2026-12-05T10:07:30.000Z');
    const s = buildSeries(
      seriesWindow('1h', now),
      null,
      [
        { slot: 59, job: 'a', status: 'SUCCESS', bucket: durationBucket(1000), n: 3 },
        { slot: 59, job: 'b', status: 'CANCELLED', bucket: NO_DURATION, n: 1 },
        { slot: 0, job: 'b', status: 'FAILED', bucket: durationBucket(5000), n: 2 },
        { slot: 0, job: 'b', status: 'RUNNING', bucket: NO_DURATION, n: 9 },
        { slot: 60, job: 'a', status: 'SUCCESS', bucket: 0, n: 9 },
      ],
      now,
    );
    expect(s.points[59]).toMatchObject({
      success: 3,
      cancelled: 1,
      p50Ms: bucketUpperMs(durationBucket(1000)),
    });
    expect(s.points[0]).toMatchObject({ failed: 2, p95Ms: bucketUpperMs(durationBucket(5000)) });
    expect(s.totals).toMatchObject({ success: 3, failed: 2, cancelled: 1, total: 6 });
    expect(s.byJob).toEqual([
      { jobName: 'a', success: 3, failed: 0, cancelled: 0, total: 3 },
      { jobName: 'b', success: 0, failed: 2, cancelled: 1, total: 3 },
    ]);
  });
});
