import type { JobRunSummary } from '@jobs/contracts';
import { panelRunsAtom } from '../atoms/panelRuns.js';
import type { LiveOutputs } from '../core/reducer.js';
import type { LiveState } from '../core/state.js';
import { PANEL_LIMIT, savePanel } from './panelStorage.js';
import type { JotaiStore } from './storeSync.js';

const newestFirst = (a: JobRunSummary, b: JobRunSummary) =>
  a.queuedAt < b.queuedAt ? 1 : a.queuedAt > b.queuedAt ? -1 : b.id.localeCompare(a.id);

/**
 * The panel's entries: the newest 100 runs this browser has seen (history seed, active runs,
 * finished ones), newer versions replacing older. Writes to storage are throttled.
 */
export function createPanel(store: JotaiStore, storage: Storage | undefined, persistEveryMs: number) {
  let entries = new Map<string, JobRunSummary>();
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const publish = () => {
    const runs = [...entries.values()].sort(newestFirst).slice(0, PANEL_LIMIT);
    entries = new Map(runs.map((run) => [run.id, run]));
    store.set(panelRunsAtom, runs);
    saveTimer ??= setTimeout(() => {
      saveTimer = null;
      savePanel(storage, store.get(panelRunsAtom));
    }, persistEveryMs);
  };
  const oldest = () => {
    const runs = store.get(panelRunsAtom);
    return runs.length < PANEL_LIMIT ? null : (runs[runs.length - 1] ?? null);
  };
  const offer = (run: JobRunSummary): boolean => {
    const held = entries.get(run.id);
    if (held && held.version >= run.version) return false;
    const floor = oldest();
    if (!held && floor && newestFirst(run, floor) > 0) return false;
    entries.set(run.id, run);
    return true;
  };

  return {
    /** Seeds or refreshes from storage / the history endpoint. */
    merge(runs: readonly JobRunSummary[]): void {
      let changed = false;
      for (const run of runs) changed = offer(run) || changed;
      if (changed) publish();
    },
    update(outputs: LiveOutputs, state: LiveState): void {
      let changed = false;
      for (const effect of outputs.effects) changed = offer(effect.run) || changed;
      for (const id of outputs.touched) {
        const run = state.runs.get(id);
        if (run) changed = offer(run) || changed;
      }
      if (changed) publish();
    },
    remove(predicate: (run: JobRunSummary) => boolean): void {
      for (const run of [...entries.values()]) if (predicate(run)) entries.delete(run.id);
      publish();
    },
    flush(): void {
      if (saveTimer === null) return;
      clearTimeout(saveTimer);
      saveTimer = null;
      savePanel(storage, store.get(panelRunsAtom));
    },
  };
}
export type Panel = ReturnType<typeof createPanel>;
