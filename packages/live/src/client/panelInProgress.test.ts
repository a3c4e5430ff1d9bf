import type { JobRunSummary } from '@jobs/contracts';
import { makeSummary } from '@jobs/contracts/testing';
import { createStore } from 'jotai';
import { describe, expect, it } from 'vitest';
import { createRunFamily } from '../atoms/runFamily.js';
import { drainOutputs, reduceLive } from '../core/reducer.js';
import { initialLiveState, type LiveInput, type LiveState } from '../core/state.js';
import { activeRunIdsAtom, panelInProgressAtom, panelRunsAtom } from '../index.js';
import { MemoryStorage } from '../testing/memoryStorage.js';
import { iso, justQueued, T0 } from '../testing/runs.js';
import { createPanel } from './panel.js';
import { syncStore } from './storeSync.js';

/** One flush as the engine does it: reduce, write the page's atoms, then hand it to the panel. */
function harness() {
  const store = createStore();
  let state: LiveState = initialLiveState();
  const runs = createRunFamily((id) => state.runs.get(id));
  const panel = createPanel(store, new MemoryStorage(), 10);
  const flush = (...inputs: LiveInput[]) => {
    for (const input of inputs) state = reduceLive(state, input);
    const drained = drainOutputs(state);
    state = drained.state;
    syncStore(store, runs, state, drained.outputs);
    panel.update(drained.outputs, state);
  };
  return { store, panel, flush, epoch: () => state.epoch };
}

describe('panel in progress', () => {
  it("lists the page's active runs in the page's order, even when queued in the same millisecond", () => {
    const { store, flush, epoch } = harness();
    flush({ type: 'resync' });
    // A burst ("start multiple"): ids in creation order, every queuedAt the same millisecond.
    const burst: JobRunSummary[] = Array.from({ length: 70 }, (_, i) =>
      makeSummary({ ...justQueued, id: String(100 + i), queuedAt: iso(T0) }),
    );
    flush({ type: 'snapshot', snapshot: { runs: burst, asOfSeq: 0 }, epoch: epoch() });
    const page = store.get(activeRunIdsAtom);
    const panel = store.get(panelInProgressAtom);
    expect(panel.count).toBe(page.length);
    expect(panel.count).toBe(70);
    expect(panel.runs.map((r) => r.id)).toEqual(page.slice(0, 50));
  });

  it('drops a run that left through a snapshot in the same flush as the page, not after a history refresh', () => {
    const { store, panel, flush, epoch } = harness();
    flush({ type: 'resync' });
    const a = makeSummary({ ...justQueued, id: '1', status: 'RUNNING', version: 2 });
    const b = makeSummary({ ...justQueued, id: '2', queuedAt: iso(T0 + 1) });
    flush({ type: 'snapshot', snapshot: { runs: [a, b], asOfSeq: 5 }, epoch: epoch() });
    // The history seed still says `a` is running (the page's list is what counts).
    panel.merge([a]);
    flush({ type: 'resync' });
    flush({ type: 'snapshot', snapshot: { runs: [b], asOfSeq: 9 }, epoch: epoch() });
    expect(store.get(activeRunIdsAtom)).toEqual(['2']);
    expect(store.get(panelInProgressAtom)).toMatchObject({ count: 1, runs: [{ id: '2' }] });
    // The stored entry is still RUNNING (its end is unknown until history says it): not counted.
    expect(store.get(panelRunsAtom).find((r) => r.id === '1')?.status).toBe('RUNNING');
  });
});
