import type { createStore } from 'jotai';
import { activeRunIdsAtom } from '../atoms/activeRunIds.js';
import { lastEventAtAtom } from '../atoms/lastEventAt.js';
import type { RunFamily } from '../atoms/runFamily.js';
import type { LiveOutputs } from '../core/reducer.js';
import type { LiveState } from '../core/state.js';

export type JotaiStore = ReturnType<typeof createStore>;

/**
 * Writes one flush into the store. All writes happen in the same task, so React batches them into
 * one commit. Only atoms that exist (someone renders the run) are written; a run that left gets
 * `undefined` and its atom is dropped from the family.
 */
export function syncStore(store: JotaiStore, runs: RunFamily, state: LiveState, outputs: LiveOutputs): void {
  for (const id of outputs.touched) {
    const runAtom = runs.peek(id);
    if (!runAtom) continue;
    const run = state.runs.get(id);
    store.set(runAtom, run);
    if (!run) runs.remove(id);
  }
  if (outputs.membershipChanged) store.set(activeRunIdsAtom, state.runs.keyList());
  if (store.get(lastEventAtAtom) !== state.lastEventAt) store.set(lastEventAtAtom, state.lastEventAt);
}
