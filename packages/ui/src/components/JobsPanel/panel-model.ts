import { isActive, type JobRunSummary } from '@jobs/contracts';
import { fractionDone } from '../../lib/eta.js';
import { parseTime } from '../../lib/time.js';

export interface PanelModel {
  inProgress: JobRunSummary[];
  recent: JobRunSummary[];
  /** Mean fraction done over in-progress runs that report progress; null when none does. */
  combined: number | null;
}

/**
 * In-progress first, then finished runs, newest first. In-progress runs are `given` in the host's
 * order (the page's active list) when the host passes them; otherwise they are taken from `runs`,
 * oldest queued first.
 */
export function panelModel(
  runs: readonly JobRunSummary[],
  maxRecent: number,
  given?: readonly JobRunSummary[],
): PanelModel {
  const inProgress = given
    ? [...given]
    : runs
        .filter((r) => isActive(r.status))
        .sort((a, b) => (parseTime(a.queuedAt) ?? 0) - (parseTime(b.queuedAt) ?? 0));
  const recent = runs
    .filter((r) => !isActive(r.status))
    .sort((a, b) => (parseTime(b.finishedAt) ?? 0) - (parseTime(a.finishedAt) ?? 0))
    .slice(0, maxRecent);
  const fractions = inProgress.map((r) => fractionDone(r.progress)).filter((f): f is number => f !== null);
  const combined = fractions.length ? fractions.reduce((a, b) => a + b, 0) / fractions.length : null;
  return { inProgress, recent, combined };
}

/** The badge text: hidden at 0, capped at "9+". */
export function badgeText(count: number): string | null {
  if (count <= 0) return null;
  return count > 9 ? '9+' : String(count);
}
