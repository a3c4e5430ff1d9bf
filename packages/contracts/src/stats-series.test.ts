import { describe, expect, it } from 'vitest';
import { STATS_RANGES, StatsSeriesQuery } from './stats-series.js';

describe('StatsSeriesQuery', () => {
  it('defaults to the last 24 hours and refuses any other range', () => {
    expect(StatsSeriesQuery.parse({})).toEqual({ range: '24h' });
    expect(StatsSeriesQuery.parse({ range: '7d', job: 'a' })).toEqual({ range: '7d', job: 'a' });
    expect(StatsSeriesQuery.parse({ range: '' })).toEqual({ range: '24h' });
    for (const range of ['2h', '1H', '24h ', 'all']) {
      expect(StatsSeriesQuery.safeParse({ range }).success).toBe(false);
    }
    expect(StatsSeriesQuery.safeParse({ job: 'x'.repeat(201) }).success).toBe(false);
  });

  it('keeps every range bounded: whole hours of buckets, at most 168 points', () => {
    for (const { bucketMinutes, points } of Object.values(STATS_RANGES)) {
      expect(points).toBeLessThanOrEqual(168);
      expect(60 % bucketMinutes === 0 || bucketMinutes % 60 === 0).toBe(true);
    }
  });
});
