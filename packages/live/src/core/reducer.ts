import { isLifecycleEvent, JOB_EVENT, type JobEvent, type JobRunSummary } from '@jobs/contracts';
import { applyProgress, upsertRun } from './apply.js';
import { Draft } from './draft.js';
import { loseSync, receiveLifecycle } from './sequence.js';
import { applySnapshot } from './snapshot.js';
import type { LiveEffect, LiveInput, LiveState } from './state.js';

/** The pure heart of @jobs/live: `(state, input) → state`. Never mutates `state`. */
export function reduceLive(state: LiveState, input: LiveInput): LiveState {
  const draft = new Draft(state);
  switch (input.type) {
    case 'events':
      for (const event of input.events) receiveEvent(draft, event);
      if (input.events.length > 0) draft.lastEventAt = input.receivedAt;
      break;
    case 'snapshot':
      applySnapshot(draft, input.snapshot, input.epoch);
      break;
    case 'resync':
      loseSync(draft);
      break;
    case 'local-run':
      applyLocalRun(draft, input.run);
      break;
  }
  return draft.finish();
}

/**
 * An HTTP answer can overtake a snapshot that the server computed earlier: a run created by this
 * tab's enqueue would then look "gone". Such a run makes every snapshot asked for before it stale.
 */
function applyLocalRun(draft: Draft, run: JobRunSummary): void {
  const known = draft.getRun(run.id) !== undefined || draft.leftVersion(run.id) !== undefined;
  upsertRun(draft, run);
  if (!known && draft.getRun(run.id) !== undefined) draft.epoch += 1;
}

function receiveEvent(draft: Draft, event: JobEvent): void {
  if (isLifecycleEvent(event)) receiveLifecycle(draft, event);
  else if (event.type === JOB_EVENT.progress) applyProgress(draft, event);
  // Log lines are not the active set's business.
}

export interface LiveOutputs {
  readonly effects: readonly LiveEffect[];
  readonly touched: ReadonlySet<string>;
  readonly membershipChanged: boolean;
}

/** Hands over what accumulated since the last drain (for the store and side effects). */
export function drainOutputs(state: LiveState): { state: LiveState; outputs: LiveOutputs } {
  const outputs = {
    effects: state.effects,
    touched: state.touched,
    membershipChanged: state.membershipChanged,
  };
  return {
    state: { ...state, effects: [], touched: new Set(), membershipChanged: false },
    outputs,
  };
}
