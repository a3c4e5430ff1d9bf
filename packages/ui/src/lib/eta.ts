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

/**
 * `~2m 5s left`, in whole seconds. Under a second (or past the projected end, while the last
 * batch is still being written) it reads `finishing…`: a sub-second figure is noise, not news.
 */
export function formatEta(etaMs: number): string {
  if (!(etaMs >= 1000)) return 'finishing…';
  return `~${formatDuration(etaMs)} left`;
}

/** What a card remembers between renders to keep its ETA steady. */
export interface EtaMemory {
  /** The fraction done when it was last seen to change, and when (browser clock). */
  readonly fraction: number;
  readonly seenAt: number;
  /** The smoothed projected end (browser clock); the ETA counts down to it between reports. */
  readonly finishAt: number | null;
}

/** Weight of a new projection: later reports correct the estimate without making it jump. */
export const ETA_SMOOTHING = 0.3;

/**
 * The ETA as a projected end time rather than a rate times what is left: between progress reports
 * it counts down evenly instead of creeping up (a batch job reports in steps, and the elapsed time
 * grows while the fraction stands still); at each report the new projection is blended
 * exponentially into the old one, so one quick or slow batch moves it a little, not all the way.
 */
export function nextEta(
  memory: EtaMemory | null,
  run: Pick<JobRunSummary, 'startedAt' | 'progress'>,
  now: number,
): EtaMemory | null {
  const started = parseTime(run.startedAt);
  const done = fractionDone(run.progress);
  if (started === null || done === null) return null;
  // Between reports the projection stands (the countdown moves); before the first one that could
  // be projected (under a second in, or under 1 % done) each render tries again.
  if (memory && memory.fraction === done && memory.finishAt !== null) return memory;
  const elapsed = now - started;
  const projected = elapsed >= 1000 && done >= 0.01 && done < 1 ? now + (elapsed * (1 - done)) / done : null;
  const previous = memory?.finishAt ?? null;
  const finishAt =
    projected === null || previous === null ? projected : previous + ETA_SMOOTHING * (projected - previous);
  return { fraction: done, seenAt: now, finishAt };
}

/** Milliseconds left by the remembered projection, or null when there is none. */
export function etaLeft(memory: EtaMemory | null, now: number): number | null {
  // Whole milliseconds: `now + x - now` may come back a hair under x, a second less when floored.
  return memory?.finishAt == null ? null : Math.round(memory.finishAt - now);
}
