import type { JobRunSummary } from '@jobs/contracts';
import { panelRunsAtom } from '../atoms/panelRuns.js';
import type { LiveOutputs } from '../core/reducer.js';
import type { LiveState } from '../core/state.js';
import { loadClearedBefore, saveClearedBefore } from './panelCleared.js';
import { createPanelInProgress } from './panelInProgress.js';
import { PANEL_LIMIT, savePanel } from './panelStorage.js';
import type { JotaiStore } from './storeSync.js';

const endOf = (run: JobRunSummary): number | null =>
  run.status === 'QUEUED' || run.status === 'RUNNING' ? null : Date.parse(run.finishedAt ?? run.queuedAt);

const newestFirst = (a: JobRunSummary, b: JobRunSummary) =>
  a.queuedAt < b.queuedAt ? 1 : a.queuedAt > b.queuedAt ? -1 : b.id.localeCompare(a.id);

/** Progress-only changes reach the panel at most this often: 100 rows need not re-render per frame. */
const PROGRESS_EVERY_MS = 250;

type Offer = 'none' | 'progress' | 'change';

/**
 * The panel's entries: the newest 100 runs this browser has seen (history seed, active runs,
 * finished ones), newer versions replacing older. Writes to storage are throttled.
 */
export function createPanel(store: JotaiStore, storage: Storage | undefined, persistEveryMs: number) {
  let entries = new Map<string, JobRunSummary>();
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let progressTimer: ReturnType<typeof setTimeout> | null = null;
  const inProgress = createPanelInProgress(store);
  let clearedBefore = loadClearedBefore(storage);
  const publish = () => {
    if (progressTimer !== null) clearTimeout(progressTimer);
    progressTimer = null;
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
  const offer = (run: JobRunSummary): Offer => {
    const held = entries.get(run.id);
    if (held && held.version >= run.version) return 'none';
    const end = endOf(run);
    if (end !== null && end <= clearedBefore) {
      // Cleared by the user (maybe before a reload): it does not come back from history.
      if (held) entries.delete(run.id);
      return held ? 'change' : 'none';
    }
    const floor = oldest();
    if (!held && floor && newestFirst(run, floor) > 0) return 'none';
    entries.set(run.id, run);
    const sameState = held && held.status === run.status && held.cancelRequestedAt === run.cancelRequestedAt;
    return sameState ? 'progress' : 'change';
  };
  const settle = (offers: Offer[]) => {
    if (offers.includes('change')) publish();
    else if (offers.includes('progress')) progressTimer ??= setTimeout(publish, PROGRESS_EVERY_MS);
  };

  return {
    /** Seeds or refreshes from storage / the history endpoint. */
    merge(runs: readonly JobRunSummary[]): void {
      settle(runs.map(offer));
    },
    update(outputs: LiveOutputs, state: LiveState): void {
      inProgress.update(outputs, state);
      const offers = outputs.effects.map((effect) => offer(effect.run));
      for (const id of outputs.touched) {
        const run = state.runs.get(id);
        if (run) offers.push(offer(run));
      }
      settle(offers);
    },
    /** Removes the finished runs and remembers up to when, across reloads. */
    clearFinished(): void {
      for (const run of entries.values()) {
        const end = endOf(run);
        if (end !== null && end > clearedBefore) clearedBefore = end;
      }
      saveClearedBefore(storage, clearedBefore);
      for (const run of [...entries.values()]) if (endOf(run) !== null) entries.delete(run.id);
      publish();
    },
    remove(predicate: (run: JobRunSummary) => boolean): void {
      for (const run of [...entries.values()]) if (predicate(run)) entries.delete(run.id);
      publish();
    },
    flush(): void {
      inProgress.stop();
      if (progressTimer !== null) publish();
      if (saveTimer === null) return;
      clearTimeout(saveTimer);
      saveTimer = null;
      savePanel(storage, store.get(panelRunsAtom));
    },
  };
}
export type Panel = ReturnType<typeof createPanel>;
