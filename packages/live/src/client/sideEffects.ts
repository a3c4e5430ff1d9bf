import { displayRunId, type JobRunSummary } from '@jobs/contracts';
import type { LiveEffect } from '../core/state.js';
import type { InvalidationKind, RelayedToast } from '../election/relay.js';

export interface SideEffectPlan {
  toasts: RelayedToast[];
  invalidate: InvalidationKind[];
  /** Watched runs that ended: one browser notification each (the leader alone shows them). */
  notify: JobRunSummary[];
  /** What to read out politely in every tab: watched runs that started or ended. */
  announce: string[];
}

const ENDED: Partial<Record<JobRunSummary['status'], string>> = {
  SUCCESS: 'finished successfully',
  FAILED: 'failed',
  CANCELLED: 'was cancelled',
};

/** "match-scores #12847 started", for the live region. */
export function announcementOf(run: JobRunSummary, what: 'started' | 'ended'): string {
  const outcome = what === 'started' ? 'started' : (ENDED[run.status] ?? 'ended');
  return `${run.jobName} ${displayRunId(run.id)} ${outcome}`;
}

/**
 * What a flush's effects mean for the user. Computed by the leader only — once per event per
 * browser — and then delivered to every tab (each tab refetches its own stats and history).
 */
export function planSideEffects(
  effects: readonly LiveEffect[],
  isWatched: (id: string) => boolean,
): SideEffectPlan {
  const plan: SideEffectPlan = { toasts: [], invalidate: [], notify: [], announce: [] };
  if (effects.length === 0) return plan;
  plan.invalidate.push('stats', 'history');
  for (const effect of effects) {
    if (effect.type === 'appeared') continue;
    const { run } = effect;
    if (effect.type === 'finished' && run.status === 'FAILED') {
      plan.toasts.push({
        kind: 'error',
        title: `${run.jobName} ${displayRunId(run.id)} failed`,
        message: run.error?.message ?? 'The job failed without an error message.',
        runId: run.id,
      });
    }
    if (!isWatched(run.id)) continue;
    plan.notify.push(run);
    if (effect.type !== 'finished') continue;
    plan.announce.push(announcementOf(run, 'ended'));
    // A run the user started and is waiting for: say it worked (failures are toasted for all runs).
    if (run.status === 'SUCCESS') {
      plan.toasts.push({
        kind: 'success',
        title: `${run.jobName} ${displayRunId(run.id)} finished`,
        message: '',
        runId: run.id,
      });
    }
  }
  return plan;
}

/** The default notifier: the Notification API, if the user granted it. `tag` dedupes per run. */
export function browserNotify(run: JobRunSummary): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const outcome =
    run.status === 'SUCCESS' || run.status === 'FAILED' || run.status === 'CANCELLED'
      ? run.status.toLowerCase()
      : 'ended';
  new Notification(`${run.jobName} ${displayRunId(run.id)} ${outcome}`, { tag: `jobs-live:${run.id}` });
}
