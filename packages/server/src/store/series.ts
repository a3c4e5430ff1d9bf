import {
  STATS_RANGES,
  STATS_SERIES_JOBS_MAX,
  type StatsRange,
  type StatsSeries,
  type StatsSeriesJob,
} from '@jobs/contracts';

/**
 * The stats-over-time answer, shared by both stores. Each store keeps one counter row per
 * (minute, job, status, duration bucket) in `finished_counts`, written in the transaction that
 * finishes the run, and answers a range with one grouped read of those rows; everything else
 * (windows, the roll-up into points, percentiles) happens here, identically for both.
 */

export const MINUTE = 60_000;

/** How long the per-minute rows are kept: the longest range and a day. */
export const SERIES_KEPT_MINUTES = 8 * 24 * 60;

/** A run that finished without ever starting (cancelled while queued) has no duration. */
export const NO_DURATION = -1;
/** 2^(60/2) ms ≈ 12 days: every longer duration shares the last bucket. */
const TOP_BUCKET = 60;

/**
 * Durations are counted in buckets √2 apart: bucket `i` holds (2^((i-1)/2), 2^(i/2)] ms, bucket 0
 * holds ≤ 1 ms. About 50 buckets cover a millisecond to a day, and a percentile read from them is
 * at most 42 % above the true one; keeping raw durations per minute would cost a row per run.
 */
export function durationBucket(ms: number | null): number {
  if (ms === null || !Number.isFinite(ms)) return NO_DURATION;
  if (ms <= 1) return 0;
  return Math.min(TOP_BUCKET, Math.ceil(2 * Math.log2(ms)));
}

export function bucketUpperMs(bucket: number): number {
  return Math.round(2 ** (bucket / 2));
}

export interface SeriesWindow {
  range: StatsRange;
  bucketMinutes: number;
  points: number;
  /** the first minute counted (epoch minutes) */
  fromMinute: number;
  /** the first minute not counted: the end of the bucket that holds `now` */
  toMinute: number;
}

/** The range's buckets, aligned to whole buckets (UTC), the last one holding `now`. */
export function seriesWindow(range: StatsRange, now: Date): SeriesWindow {
  const { bucketMinutes, points } = STATS_RANGES[range];
  const nowMinute = Math.floor(now.getTime() / MINUTE);
  const toMinute = (Math.floor(nowMinute / bucketMinutes) + 1) * bucketMinutes;
  return { range, bucketMinutes, points, fromMinute: toMinute - points * bucketMinutes, toMinute };
}

/** One grouped counter row: `slot` is the bucket's index in the window (0 = oldest). */
export interface SeriesRow {
  slot: number;
  job: string;
  status: string;
  bucket: number;
  n: number;
}

type Tally = { success: number; failed: number; cancelled: number; durations: Map<number, number> };
const emptyTally = (): Tally => ({ success: 0, failed: 0, cancelled: 0, durations: new Map() });

function add(t: Tally, row: SeriesRow): void {
  if (row.status === 'SUCCESS') t.success += row.n;
  else if (row.status === 'FAILED') t.failed += row.n;
  else if (row.status === 'CANCELLED') t.cancelled += row.n;
  else return;
  if (row.bucket !== NO_DURATION) t.durations.set(row.bucket, (t.durations.get(row.bucket) ?? 0) + row.n);
}

/** The upper bound of the histogram bucket the `q` quantile falls in; null with no durations. */
export function percentileMs(durations: ReadonlyMap<number, number>, q: number): number | null {
  let total = 0;
  for (const n of durations.values()) total += n;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const bucket of [...durations.keys()].sort((a, b) => a - b)) {
    seen += durations.get(bucket)!;
    if (seen >= rank) return bucketUpperMs(bucket);
  }
  return null;
}

const percentiles = (t: Tally) => ({
  p50Ms: percentileMs(t.durations, 0.5),
  p95Ms: percentileMs(t.durations, 0.95),
});

export function buildSeries(
  window: SeriesWindow,
  job: string | null,
  rows: readonly SeriesRow[],
  now: Date,
): StatsSeries {
  const slots = Array.from({ length: window.points }, emptyTally);
  const totals = emptyTally();
  const jobs = new Map<string, StatsSeriesJob>();
  for (const row of rows) {
    const slot = slots[row.slot];
    if (!slot) continue; // a minute outside the window (cannot happen with the stores' WHERE)
    add(slot, row);
    add(totals, row);
    const j = jobs.get(row.job) ?? { jobName: row.job, success: 0, failed: 0, cancelled: 0, total: 0 };
    if (row.status === 'SUCCESS') j.success += row.n;
    else if (row.status === 'FAILED') j.failed += row.n;
    else if (row.status === 'CANCELLED') j.cancelled += row.n;
    else continue;
    j.total += row.n;
    jobs.set(row.job, j);
  }
  const startOf = (i: number) =>
    new Date((window.fromMinute + i * window.bucketMinutes) * MINUTE).toISOString();
  return {
    range: window.range,
    job,
    bucketMinutes: window.bucketMinutes,
    from: startOf(0),
    to: new Date(window.toMinute * MINUTE).toISOString(),
    points: slots.map((t, i) => ({
      at: startOf(i),
      success: t.success,
      failed: t.failed,
      cancelled: t.cancelled,
      ...percentiles(t),
    })),
    totals: {
      success: totals.success,
      failed: totals.failed,
      cancelled: totals.cancelled,
      total: totals.success + totals.failed + totals.cancelled,
      ...percentiles(totals),
    },
    byJob: [...jobs.values()]
      .sort((a, b) => b.total - a.total || (a.jobName < b.jobName ? -1 : 1))
      .slice(0, STATS_SERIES_JOBS_MAX),
    asOf: now.toISOString(),
  };
}
