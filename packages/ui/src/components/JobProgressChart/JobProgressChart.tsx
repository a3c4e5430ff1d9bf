import { useMemo } from 'react';
import { cleanSamples, downsample, type ProgressSample, progressPoints } from '../../lib/chartMath.js';
import { formatDuration, formatTimestamp } from '../../lib/index.js';
import { ChartFrame } from '../ChartFrame/ChartFrame.js';
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
  const clean = useMemo(() => cleanSamples(samples), [samples]);
  const drawn = useMemo(() => downsample(clean, MAX_POINTS), [clean]);
  const first = clean[0];
  const last = clean[clean.length - 1];
  const summary =
    first && last
      ? `${Math.round(first.percent)}% to ${Math.round(last.percent)}% over ${formatDuration(last.t - first.t)} (${clean.length} samples).`
      : 'No progress reported yet.';
  const points = progressPoints(drawn, WIDTH, height);

  const table = {
    columns: ['Time (UTC)', 'Progress'],
    rows: downsample(clean, MAX_TABLE_ROWS).map((s) => ({
      key: s.t,
      cells: [formatTimestamp(new Date(s.t).toISOString()), `${Math.round(s.percent)}%`],
    })),
  };

  return (
    <ChartFrame
      label={label}
      summary={summary}
      width={WIDTH}
      height={height}
      empty={clean.length === 0}
      className={className}
      table={table}
    >
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
    </ChartFrame>
  );
}
