import type { JobRunSummary } from '@jobs/contracts';
import type { LiveOutputs } from '../core/reducer.js';
import type { LiveState } from '../core/state.js';

/** Runs remembered as announced; older ones cannot start again (a run starts once). */
const MEMORY = 1000;

/**
 * Watched runs seen RUNNING for the first time, each once per browser (the leader plans them). The
 * reducer's effects say when runs appear and end; a start is a status change inside the set.
 */
export function createWatchedStarts(watchedIds: () => ReadonlySet<string>) {
  const announced = new Set<string>();
  return (outputs: LiveOutputs, state: LiveState): JobRunSummary[] => {
    if (outputs.touched.size === 0) return [];
    const watched = watchedIds();
    if (watched.size === 0) return [];
    const started: JobRunSummary[] = [];
    for (const id of outputs.touched) {
      if (announced.has(id) || !watched.has(id)) continue;
      const run = state.runs.get(id);
      if (run?.status !== 'RUNNING') continue;
      announced.add(id);
      if (announced.size > MEMORY) announced.delete(announced.values().next().value as string);
      started.push(run);
    }
    return started;
  };
}
