/** Pure geometry and summaries for the two small SVG charts (see docs/decisions/031-charts-as-svg.md). */

export interface ProgressSample {
  /** ISO time of the sample */
  at: string;
  /** 0..100 */
  percent: number;
}

export interface JobMetricsBucket {
  /** start of the bucket, ISO */
  at: string;
  success: number;
  failed: number;
  cancelled: number;
  /** duration percentiles of the bucket's runs, ms (null: no run with a duration; absent: not kept) */
  p50Ms?: number | null;
  p95Ms?: number | null;
}

/** At most `max` items, evenly spaced, always keeping the first and the last. */
export function downsample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const step = (items.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => items[Math.round(i * step)] as T);
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** Samples with a valid time, sorted, percent clamped: one garbage sample never breaks the chart. */
export function cleanSamples(samples: readonly ProgressSample[]): Array<{ t: number; percent: number }> {
  return samples
    .map((s) => ({
      t: Date.parse(s.at),
      percent: Number.isFinite(s.percent) ? clamp(s.percent, 0, 100) : Number.NaN,
    }))
    .filter((s) => Number.isFinite(s.t) && Number.isFinite(s.percent))
    .sort((a, b) => a.t - b.t);
}

/** An SVG polyline's points for progress over time inside width × height (y grows downwards). */
export function progressPoints(
  samples: ReadonlyArray<{ t: number; percent: number }>,
  width: number,
  height: number,
): string {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last) return '';
  const span = Math.max(1, last.t - first.t);
  return samples
    .map((s) => {
      const x = samples.length === 1 ? width : ((s.t - first.t) / span) * width;
      const y = height - (s.percent / 100) * height;
      return `${round(x)},${round(y)}`;
    })
    .join(' ');
}

const round = (n: number) => Math.round(n * 10) / 10;

export function bucketTotal(b: JobMetricsBucket): number {
  return b.success + b.failed + b.cancelled;
}

/** Failed share of finished runs, 0..1; null when nothing finished (no rate, rather than 0%). */
export function failureRate(b: Pick<JobMetricsBucket, 'success' | 'failed' | 'cancelled'>): number | null {
  const total = b.success + b.failed + b.cancelled;
  return total === 0 ? null : b.failed / total;
}

export interface MetricsSummary {
  total: number;
  failed: number;
  rate: number | null;
  peak: JobMetricsBucket | null;
}

export function summarizeBuckets(buckets: readonly JobMetricsBucket[]): MetricsSummary {
  let total = 0;
  let failed = 0;
  let peak: JobMetricsBucket | null = null;
  for (const b of buckets) {
    total += bucketTotal(b);
    failed += b.failed;
    if (bucketTotal(b) > 0 && (peak === null || bucketTotal(b) > bucketTotal(peak))) peak = b;
  }
  return { total, failed, rate: total === 0 ? null : failed / total, peak };
}

/** "3.2%": one decimal below 10 %, whole numbers above. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  const pct = rate * 100;
  return pct < 10 && pct > 0 ? `${pct.toFixed(1)}%` : `${Math.round(pct)}%`;
}

/** A round upper bound for the count axis: 1, 2, 5, 10, 20, 50… */
export function niceMax(n: number): number {
  if (n <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= n) return m * magnitude;
  return 10 * magnitude;
}
