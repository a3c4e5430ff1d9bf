import { memo } from 'react';
import { clampPercent } from '../../lib/number.js';
import { visibleText } from '../../lib/visibleText.js';
import { SafeText } from '../SafeText/SafeText.js';
import styles from './JobProgressBar.module.css';

export interface JobProgressBarProps {
  /** 0..100; omit (or null) for an indeterminate bar, e.g. a job that reports only messages. */
  percent?: number | null;
  /** The job's own progress message ("Processing batch 3/5"), shown under the bar. */
  message?: string | null;
  /** Accessible name; defaults to "Progress". Pass the job name when several bars share a page. */
  label?: string;
  className?: string;
}

/** A determinate or indeterminate bar with `role="progressbar"` and its values exposed. */
export const JobProgressBar = memo(function JobProgressBar({
  percent,
  message,
  label = 'Progress',
  className,
}: JobProgressBarProps) {
  const determinate = typeof percent === 'number' && Number.isFinite(percent);
  const value = determinate ? Math.round(clampPercent(percent)) : undefined;
  return (
    <div
      className={[styles.root, className].filter(Boolean).join(' ')}
      data-state={determinate ? 'determinate' : 'indeterminate'}
    >
      <div
        className={styles.track}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={determinate ? `${value}%` : message ? visibleText(message) : 'In progress'}
      >
        <div
          className={styles.fill}
          style={determinate ? { width: `${value}%` } : undefined}
          data-jobs-animated
        />
      </div>
      {(determinate || message) && (
        <div className={styles.caption}>
          {determinate && <span className={styles.percent}>{value}%</span>}
          {message && (
            <span className={styles.message}>
              <SafeText text={message} />
            </span>
          )}
        </div>
      )}
    </div>
  );
});
