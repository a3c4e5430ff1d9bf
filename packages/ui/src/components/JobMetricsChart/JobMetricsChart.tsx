import { useMemo } from 'react';
import {
  bucketTotal,
  failureRate,
  formatRate,
  type JobMetricsBucket,
  niceMax,
  summarizeBuckets,
} from '../../lib/chartMath.js';
import { formatCount, formatTimestamp } from '../../lib/index.js';
import { ChartFrame } from '../ChartFrame/ChartFrame.js';
import styles from './JobMetricsChart.module.css';

export type { JobMetricsBucket } from '../../lib/chartMath.js';

export interface JobMetricsChartProps {
  /** finished runs per time bucket, oldest first */
  buckets: readonly JobMetricsBucket[];
  label?: string;
  height?: number;
  className?: string;
}

const BAR = 20;
const GAP = 4;

/** Throughput (stacked bars) and failure rate (line, 0-100 %) per bucket, as SVG (decision 031). */
export function JobMetricsChart({
  buckets,
  label = 'Throughput and failure rate',
  height = 140,
  className,
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
          ? ` Busiest: ${formatCount(bucketTotal(summary.peak))} at ${formatTimestamp(summary.peak.at).slice(11, 16)}.`
          : '');

  const table = {
    columns: ['From (UTC)', 'Success', 'Failed', 'Cancelled', 'Failure rate'],
    rows: buckets.map((b) => ({
      key: b.at,
      cells: [
        formatTimestamp(b.at),
        formatCount(b.success),
        formatCount(b.failed),
        formatCount(b.cancelled),
        formatRate(failureRate(b)),
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

  return (
    <ChartFrame
      label={label}
      summary={text}
      width={width}
      height={height}
      empty={summary.total === 0}
      className={className}
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
}
