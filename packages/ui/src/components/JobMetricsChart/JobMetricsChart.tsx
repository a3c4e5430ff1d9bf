import { useId, useMemo } from 'react';
import {
  bucketTotal,
  failureRate,
  formatRate,
  type JobMetricsBucket,
  niceMax,
  summarizeBuckets,
} from '../../lib/chartMath.js';
import { formatCount, formatTimestamp } from '../../lib/index.js';
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
  const id = useId();
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

  return (
    <figure
      className={[styles.root, className].filter(Boolean).join(' ')}
      data-empty={summary.total === 0 || undefined}
    >
      <svg
        className={styles.svg}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={`${id}t ${id}d`}
      >
        <title id={`${id}t`}>{label}</title>
        <desc id={`${id}d`}>{text}</desc>
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
      </svg>
      <figcaption className={styles.caption}>
        <ul className={styles.legend} aria-label="Legend">
          <li data-series="success">Success</li>
          <li data-series="failed">Failed</li>
          <li data-series="cancelled">Cancelled</li>
          <li data-series="rate">Failure rate (0–100%)</li>
          <li data-series="scale">Bars up to {formatCount(max)} runs</li>
        </ul>
        <span>{text}</span>
        {buckets.length > 0 ? <MetricsTable buckets={buckets} label={label} /> : null}
      </figcaption>
    </figure>
  );
}

function MetricsTable({ buckets, label }: { buckets: readonly JobMetricsBucket[]; label: string }) {
  return (
    <details className={styles.details}>
      <summary>Show data table</summary>
      <table className={styles.table}>
        <caption className="jobs-visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">From (UTC)</th>
            <th scope="col">Success</th>
            <th scope="col">Failed</th>
            <th scope="col">Cancelled</th>
            <th scope="col">Failure rate</th>
          </tr>
        </thead>
        <tbody>
          {buckets.map((b) => (
            <tr key={b.at}>
              <td>{formatTimestamp(b.at)}</td>
              <td>{formatCount(b.success)}</td>
              <td>{formatCount(b.failed)}</td>
              <td>{formatCount(b.cancelled)}</td>
              <td>{formatRate(failureRate(b))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
