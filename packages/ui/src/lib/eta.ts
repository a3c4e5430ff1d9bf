import type { JobRunSummary } from '@jobs/contracts';
import { formatDuration, parseTime } from './time.js';

export interface RunPace {
  /** Milliseconds left, or null when progress gives nothing to extrapolate from. */
  etaMs: number | null;
  /** Items per second when the job reports `current`, else percent per minute is not shown. */
  itemsPerSecond: number | null;
}

/** Fraction done in 0..1 from `current/total` when given (more precise), else `percent`. */
export function fractionDone(progress: JobRunSummary['progress']): number | null {
  if (!progress) return null;
  const { current, total, percent } = progress;
  if (current !== undefined && total !== undefined && total > 0) {
    return Math.min(1, Math.max(0, current / total));
  }
  if (percent !== undefined) return Math.min(1, Math.max(0, percent / 100));
  return null;
}

/**
 * Linear extrapolation from the time spent since start: the simplest estimate that is honest
 * about its inputs. Too early (under 1 % or under a second) yields null rather than a wild guess.
 */
export function paceOf(run: Pick<JobRunSummary, 'startedAt' | 'progress'>, now: Date): RunPace {
  const started = parseTime(run.startedAt);
  const done = fractionDone(run.progress);
  if (started === null || done === null) return { etaMs: null, itemsPerSecond: null };
  const elapsed = now.getTime() - started;
  if (elapsed < 1000) return { etaMs: null, itemsPerSecond: null };
  const etaMs = done >= 0.01 && done < 1 ? (elapsed * (1 - done)) / done : null;
  const current = run.progress?.current;
  const itemsPerSecond = current !== undefined && current > 0 ? current / (elapsed / 1000) : null;
  return { etaMs, itemsPerSecond };
}

/** `12.5/s`, `1,234/s`, `0.3/s`. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond < 0) return '—';
  const digits = perSecond < 10 ? 1 : 0;
  return `${perSecond.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })}/s`;
}

/** `~2m 5s left`. */
export function formatEta(etaMs: number): string {
  return `~${formatDuration(etaMs)} left`;
}
