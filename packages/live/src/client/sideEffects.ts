import { displayRunId, type JobRunSummary } from '@jobs/contracts';
import type { LiveEffect } from '../core/state.js';
import type { InvalidationKind, RelayedToast } from '../election/relay.js';

export interface SideEffectPlan {
  toasts: RelayedToast[];
  invalidate: InvalidationKind[];
  /** Watched runs that ended: one browser notification each (the leader alone shows them). */
  notify: JobRunSummary[];
}

/**
 * What a flush's effects mean for the user. Computed by the leader only — once per event per
 * browser — and then delivered to every tab (each tab refetches its own stats and history).
 */
export function planSideEffects(
  effects: readonly LiveEffect[],
  isWatched: (id: string) => boolean,
): SideEffectPlan {
  const plan: SideEffectPlan = { toasts: [], invalidate: [], notify: [] };
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
    if (isWatched(run.id)) plan.notify.push(run);
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
