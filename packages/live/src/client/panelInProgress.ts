import type { JobRunSummary } from '@jobs/contracts';
import { panelInProgressAtom } from '../atoms/panelInProgress.js';
import type { LiveOutputs } from '../core/reducer.js';
import type { LiveState } from '../core/state.js';
import type { JotaiStore } from './storeSync.js';

/** Rows the panel lists; the rest are counted ("Show all" leads to the page). */
export const PANEL_ACTIVE_ROWS = 50;
/** Progress-only changes reach the panel at most this often: its rows need not re-render per frame. */
const PROGRESS_EVERY_MS = 250;

const sameState = (a: JobRunSummary, b: JobRunSummary) =>
  a.status === b.status && a.cancelRequestedAt === b.cancelRequestedAt;

/**
 * Derives the panel's in-progress rows from the reduced state, in the same flush that writes the
 * page's active ids: the badge and the list can never disagree with the page, and a run that left
 * (even through a snapshot, status unknown) leaves both at once.
 */
export function createPanelInProgress(store: JotaiStore) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: LiveState | null = null;
  const publish = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!latest) return;
    const state = latest;
    const ids = state.runs.keyList();
    const runs: JobRunSummary[] = [];
    for (const id of ids.slice(0, PANEL_ACTIVE_ROWS)) {
      const run = state.runs.get(id);
      if (run) runs.push(run);
    }
    store.set(panelInProgressAtom, { runs, count: ids.length });
  };
  return {
    update(outputs: LiveOutputs, state: LiveState): void {
      latest = state;
      if (outputs.membershipChanged) {
        publish();
        return;
      }
      const shown = store.get(panelInProgressAtom).runs;
      let progressed = false;
      for (const held of shown) {
        if (!outputs.touched.has(held.id)) continue;
        const run = state.runs.get(held.id);
        if (!run || !sameState(held, run)) {
          publish();
          return;
        }
        progressed = true;
      }
      if (progressed) timer ??= setTimeout(publish, PROGRESS_EVERY_MS);
    },
    stop(): void {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
