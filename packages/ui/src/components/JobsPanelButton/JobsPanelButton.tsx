import type { JobRunSummary } from '@jobs/contracts';
import { type ButtonHTMLAttributes, forwardRef } from 'react';
import styles from '../JobsPanel/JobsPanel.module.css';
import { ProgressRing } from '../JobsPanel/ProgressRing.js';
import { badgeText, panelModel } from '../JobsPanel/panel-model.js';

export interface JobsPanelButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** How many runs are in progress (the badge, and the ring when above 0). */
  count: number;
  /** Combined fraction done of the in-progress runs; null draws the ring indeterminate. */
  fraction: number | null;
}

/**
 * The JobsPanel's toolbar button on its own, without the popover: JobsPanel uses it as its trigger,
 * and a host can show it before the panel's code (Radix Popover, Floating UI) has loaded, then
 * load the panel on hover, focus or click. It looks and reads the same either way.
 */
export const JobsPanelButton = forwardRef<HTMLButtonElement, JobsPanelButtonProps>(function JobsPanelButton(
  { count, fraction, className, ...rest },
  ref,
) {
  const badge = badgeText(count);
  return (
    <button
      type="button"
      {...rest}
      ref={ref}
      className={[styles.trigger, className].filter(Boolean).join(' ')}
      data-in-progress={count}
    >
      {count > 0 && <ProgressRing fraction={fraction} />}
      <span className={styles.triggerIcon} aria-hidden="true">
        ⇩
      </span>
      <span className="jobs-visually-hidden">{count ? `Jobs, ${count} in progress` : 'Jobs'}</span>
      {badge && (
        <span className={styles.badge} aria-hidden="true" data-field="badge">
          {badge}
        </span>
      )}
    </button>
  );
});

/** What the button shows for the JobsPanel props of the same name (JobsPanel counts the same way). */
export function jobsPanelButtonState(
  runs: readonly JobRunSummary[],
  inProgress?: readonly JobRunSummary[],
  inProgressCount?: number,
): { count: number; fraction: number | null } {
  const model = panelModel(runs, 0, inProgress);
  return { count: Math.max(inProgressCount ?? 0, model.inProgress.length), fraction: model.combined };
}
