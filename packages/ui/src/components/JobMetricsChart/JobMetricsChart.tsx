import { useMemo } from 'react';
import {
  bucketTotal,
  failureRate,
  formatRate,
  type JobMetricsBucket,
  niceMax,
  summarizeBuckets,
} from '../../lib/chartMath.js';
import { formatCount, formatDuration, formatTimestamp } from '../../lib/index.js';
import { ChartFrame } from '../ChartFrame/ChartFrame.js';
import styles from './JobMetricsChart.module.css';
import { type MetricsRange, RangeSwitch } from './RangeSwitch.js';

export type { JobMetricsBucket } from '../../lib/chartMath.js';
export type { MetricsRange } from './RangeSwitch.js';

export interface JobMetricsChartProps {
  /** finished runs per time bucket, oldest first */
  buckets: readonly JobMetricsBucket[];
  label?: string;
  height?: number;
  className?: string;
  /** the time ranges offered above the chart, as links (each with the host's `href` for it) */
  ranges?: readonly MetricsRange[];
  /** the `value` of the range the buckets cover */
  range?: string;
  /** with JavaScript: a plain click on a range link comes here instead of navigating */
  onRangeChange?(range: MetricsRange): void;
}

const BAR = 20;
const GAP = 4;

/** Throughput (stacked bars) and failure rate (line, 0-100 %) per bucket, as SVG (decision 031). */
export function JobMetricsChart({
  buckets,
  label = 'Throughput and failure rate',
  height = 140,
  className,
  ranges,
  range,
  onRangeChange,
}: JobMetricsChartProps) {
  const summary = useMemo(() => summarizeBuckets(buckets), [buckets]);
  const max = niceMax(Math.max(0, ...buckets.map(bucketTotal)));
  const width = Math.max(1, buckets.length) * (BAR + GAP);
  const y = (n: number) => height - (n / max) * height;
  const ratePoints = buckets
    .map((b, i) => ({ rate: failureRate(b), x: i * (BAR + GAP) + BAR / 2 }))
    .filter((p): p is { rate: number; x: number } => p.rate !== null)
    .map((p) => `${p.x},${height - p.rate * height}`)
    .join(' ');
  const text =
    summary.total === 0
      ? 'No finished runs in this period.'
      : `${formatCount(summary.total)} runs finished, ${formatCount(summary.failed)} failed (${formatRate(summary.rate)}).` +
        (summary.peak
          ? ` Busiest: ${formatCount(bucketTotal(summary.peak))} at ${peakTime(summary.peak.at, buckets)}.`
          : '');

  // Duration columns only where the host has durations (a series from the stats endpoint).
  const durations = buckets.some((b) => b.p50Ms !== undefined || b.p95Ms !== undefined);
  const ms = (v: number | null | undefined) => (typeof v === 'number' ? formatDuration(v) : '—');
  const table = {
    columns: [
      'From (UTC)',
      'Success',
      'Failed',
      'Cancelled',
      'Failure rate',
      ...(durations ? ['Duration p50', 'Duration p95'] : []),
    ],
    rows: buckets.map((b) => ({
      key: b.at,
      cells: [
        formatTimestamp(b.at),
        formatCount(b.success),
        formatCount(b.failed),
        formatCount(b.cancelled),
        formatRate(failureRate(b)),
        ...(durations ? [ms(b.p50Ms), ms(b.p95Ms)] : []),
      ],
    })),
  };
  const legend = (
    <ul className={styles.legend} aria-label="Legend">
      <li data-series="success">Success</li>
      <li data-series="failed">Failed</li>
      <li data-series="cancelled">Cancelled</li>
      <li data-series="rate">Failure rate (0–100%)</li>
      <li data-series="scale">Bars up to {formatCount(max)} runs</li>
    </ul>
  );

  const chart = (
    <ChartFrame
      label={label}
      summary={text}
      width={width}
      height={height}
      empty={summary.total === 0}
      className={ranges ? undefined : className}
      legend={legend}
      table={table}
    >
      {buckets.map((b, i) => {
        const x = i * (BAR + GAP);
        const ok = y(b.success);
        const failedTop = ok - (b.failed / max) * height;
        const cancelledTop = failedTop - (b.cancelled / max) * height;
        return (
          <g key={b.at}>
            <rect className={styles.success} x={x} y={ok} width={BAR} height={height - ok} />
            <rect className={styles.failed} x={x} y={failedTop} width={BAR} height={ok - failedTop} />
            <rect
              className={styles.cancelled}
              x={x}
              y={cancelledTop}
              width={BAR}
              height={failedTop - cancelledTop}
            />
          </g>
        );
      })}
      {ratePoints ? (
        <polyline className={styles.rate} points={ratePoints} vectorEffect="non-scaling-stroke" />
      ) : null}
    </ChartFrame>
  );
  if (!ranges) return chart;
  return (
    <div className={className} data-range={range}>
      <RangeSwitch ranges={ranges} current={range} onRangeChange={onRangeChange} />
      {chart}
    </div>
  );
}

/** "10:00", or "01-07 10:00" when the buckets span more than a day (the time alone is ambiguous). */
function peakTime(at: string, buckets: readonly JobMetricsBucket[]): string {
  const first = Date.parse(buckets[0]?.at ?? '');
  const last = Date.parse(buckets[buckets.length - 1]?.at ?? '');
  const stamp = formatTimestamp(at);
  return last - first > 86_400_000 ? stamp.slice(5, 16) : stamp.slice(11, 16);
}
