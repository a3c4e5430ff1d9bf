import { z } from 'zod';
import { LIMITS } from './limits.js';

const Count = z.number().int().nonnegative();
const Iso = z.iso.datetime({ offset: true });

/**
 * The ranges the stats-over-time endpoint answers, each with the bucket its per-minute counters
 * are rolled up to. Every range has a fixed number of points (at most 168), so the answer is
 * bounded whatever the load.
 */
export const STATS_RANGES = {
  '1h': { bucketMinutes: 1, points: 60 },
  '24h': { bucketMinutes: 15, points: 96 },
  '7d': { bucketMinutes: 60, points: 168 },
} as const;

export const StatsRange = z.enum(['1h', '24h', '7d']);
export type StatsRange = z.infer<typeof StatsRange>;

export const DEFAULT_STATS_RANGE: StatsRange = '24h';

/** At most this many jobs in `byJob` (the busiest first). */
export const STATS_SERIES_JOBS_MAX = 100;

/**
 * `range` absent or empty → 24h; any value but `1h`, `24h`, `7d` → 400. `job` narrows every figure
 * to one job (a name with no runs answers zeros).
 */
export const StatsSeriesQuery = z.object({
  range: z.preprocess((v) => (v === '' ? undefined : v), StatsRange.default(DEFAULT_STATS_RANGE)),
  job: z.string().min(1).max(LIMITS.nameMax).optional(),
});
export type StatsSeriesQuery = z.infer<typeof StatsSeriesQuery>;

/**
 * Duration percentiles of the runs that started and finished in a bucket, in ms. They come from a
 * histogram kept beside the counters (buckets √2 apart), so each is the upper bound of the
 * histogram bucket the percentile falls in: never below the true value, at most 42 % above it.
 * null where no run with a duration finished.
 */
export const DurationPercentiles = z.object({ p50Ms: Count.nullable(), p95Ms: Count.nullable() });

export const StatsSeriesPoint = z.object({
  /** the bucket's start */
  at: Iso,
  success: Count,
  failed: Count,
  cancelled: Count,
  ...DurationPercentiles.shape,
});
export type StatsSeriesPoint = z.infer<typeof StatsSeriesPoint>;

export const StatsSeriesJob = z.object({
  jobName: z.string().min(1).max(LIMITS.nameMax),
  success: Count,
  failed: Count,
  cancelled: Count,
  total: Count,
});
export type StatsSeriesJob = z.infer<typeof StatsSeriesJob>;

export const StatsSeries = z.object({
  range: StatsRange,
  job: z.string().min(1).max(LIMITS.nameMax).nullable(),
  bucketMinutes: z.number().int().positive(),
  /** the first bucket's start and the last bucket's end (the current bucket is still filling) */
  from: Iso,
  to: Iso,
  /** every bucket of the range, oldest first, empty ones included */
  points: z.array(StatsSeriesPoint).max(STATS_RANGES['7d'].points),
  /** the whole range */
  totals: z.object({
    success: Count,
    failed: Count,
    cancelled: Count,
    total: Count,
    ...DurationPercentiles.shape,
  }),
  /** finished runs per job over the whole range, the busiest first */
  byJob: z.array(StatsSeriesJob).max(STATS_SERIES_JOBS_MAX),
  asOf: Iso,
});
export type StatsSeries = z.infer<typeof StatsSeries>;
