import { useId, useMemo } from 'react';
import { cleanSamples, downsample, type ProgressSample, progressPoints } from '../../lib/chartMath.js';
import { formatDuration, formatTimestamp } from '../../lib/index.js';
import styles from './JobProgressChart.module.css';

export type { ProgressSample } from '../../lib/chartMath.js';

export interface JobProgressChartProps {
  /** progress samples of one run, any order; invalid ones are skipped */
  samples: readonly ProgressSample[];
  /** what the chart is about, for its accessible name: "Progress of match-scores #12847" */
  label?: string;
  height?: number;
  className?: string;
}

const WIDTH = 600;
const MAX_POINTS = 300;
const MAX_TABLE_ROWS = 50;

/** Progress over time for one run, as a small SVG line (no chart library: decision 031). */
export function JobProgressChart({
  samples,
  label = 'Progress over time',
  height = 120,
  className,
}: JobProgressChartProps) {
  const id = useId();
  const clean = useMemo(() => cleanSamples(samples), [samples]);
  const drawn = useMemo(() => downsample(clean, MAX_POINTS), [clean]);
  const first = clean[0];
  const last = clean[clean.length - 1];
  const summary =
    first && last
      ? `${Math.round(first.percent)}% to ${Math.round(last.percent)}% over ${formatDuration(last.t - first.t)} (${clean.length} samples).`
      : 'No progress reported yet.';
  const points = progressPoints(drawn, WIDTH, height);

  return (
    <figure
      className={[styles.root, className].filter(Boolean).join(' ')}
      data-empty={clean.length === 0 || undefined}
    >
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={`${id}title ${id}desc`}
      >
        <title id={`${id}title`}>{label}</title>
        <desc id={`${id}desc`}>{summary}</desc>
        {[25, 50, 75].map((pct) => (
          <line
            key={pct}
            className={styles.grid}
            x1={0}
            x2={WIDTH}
            y1={height - (pct / 100) * height}
            y2={height - (pct / 100) * height}
          />
        ))}
        {points ? (
          <>
            <polygon className={styles.area} points={`0,${height} ${points} ${WIDTH},${height}`} />
            <polyline className={styles.line} points={points} vectorEffect="non-scaling-stroke" />
          </>
        ) : null}
      </svg>
      <figcaption className={styles.caption}>
        <span>{summary}</span>
        {clean.length > 0 ? (
          <details className={styles.details}>
            <summary>Show data table</summary>
            <table className={styles.table}>
              <caption className="jobs-visually-hidden">{label}</caption>
              <thead>
                <tr>
                  <th scope="col">Time (UTC)</th>
                  <th scope="col">Progress</th>
                </tr>
              </thead>
              <tbody>
                {downsample(clean, MAX_TABLE_ROWS).map((s) => (
                  <tr key={s.t}>
                    <td>{formatTimestamp(new Date(s.t).toISOString())}</td>
                    <td>{Math.round(s.percent)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ) : null}
      </figcaption>
    </figure>
  );
}
