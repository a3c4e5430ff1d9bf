import type { JobRunSummary } from '@jobs/contracts';
import { makeSummary } from '@jobs/contracts/testing';
import { createStore } from 'jotai';
import { describe, expect, it } from 'vitest';
import { reduceLive } from '../core/reducer.js';
import { initialLiveState } from '../core/state.js';
import { panelRunsAtom } from '../index.js';
import { MemoryStorage } from '../testing/memoryStorage.js';
import { iso, justQueued, T0 } from '../testing/runs.js';
import { createPanel } from './panel.js';
import { loadPanel } from './panelStorage.js';

describe('panel', () => {
  const state = reduceLive(initialLiveState(), { type: 'resync' });
  const outputs = (runs: JobRunSummary[]) => ({
    effects: runs.map((run) => ({ type: 'appeared' as const, run })),
    touched: new Set<string>(),
    membershipChanged: true,
  });

  it('keeps the newest 100 runs, newest first, and a newer version replaces an older one', () => {
    const store = createStore();
    const panel = createPanel(store, new MemoryStorage(), 10);
    panel.merge(
      Array.from({ length: 130 }, (_, i) =>
        makeSummary({ ...justQueued, id: `r${i}`, queuedAt: iso(T0 + i * 1000) }),
      ),
    );
    const runs = store.get(panelRunsAtom);
    expect(runs).toHaveLength(100);
    expect(runs[0]?.id).toBe('r129');
    expect(runs.at(-1)?.id).toBe('r30');
    panel.merge([makeSummary({ ...justQueued, id: 'r5', queuedAt: iso(T0 + 5000) })]); // older than the window: ignored
    expect(store.get(panelRunsAtom).some((r) => r.id === 'r5')).toBe(false);
    panel.merge([
      makeSummary({ ...justQueued, id: 'r129', queuedAt: iso(T0 + 129_000), status: 'FAILED', version: 3 }),
    ]);
    expect(store.get(panelRunsAtom)[0]?.status).toBe('FAILED');
  });

  it('shows status changes at once but progress at most four times a second', async () => {
    const store = createStore();
    const panel = createPanel(store, new MemoryStorage(), 10);
    const run = makeSummary({ ...justQueued, id: 'a', status: 'RUNNING', version: 2 });
    panel.update(outputs([run]), state);
    expect(store.get(panelRunsAtom)[0]?.version).toBe(2);
    panel.merge([{ ...run, version: 3, progress: { percent: 10 } }]);
    panel.merge([{ ...run, version: 4, progress: { percent: 20 } }]);
    expect(store.get(panelRunsAtom)[0]?.version).toBe(2); // progress waits
    await new Promise((r) => setTimeout(r, 300));
    expect(store.get(panelRunsAtom)[0]?.progress).toEqual({ percent: 20 });
    panel.merge([{ ...run, version: 5, status: 'SUCCESS' }]);
    expect(store.get(panelRunsAtom)[0]?.status).toBe('SUCCESS'); // no wait
  });

  it('"Clear finished" survives a reload: history does not bring the cleared runs back', () => {
    const storage = new MemoryStorage();
    const done = (id: string, at: number) =>
      makeSummary({ ...justQueued, id, status: 'SUCCESS', version: 3, finishedAt: iso(T0 + at) });
    const running = makeSummary({ ...justQueued, id: 'live', status: 'RUNNING', version: 2 });
    const first = createStore();
    const panel = createPanel(first, storage, 10);
    panel.merge([done('a', 1000), done('b', 2000), running]);
    panel.clearFinished();
    expect(first.get(panelRunsAtom).map((r) => r.id)).toEqual(['live']);
    panel.flush();
    // A reload: a new panel from storage, then the history seed with the same finished runs.
    const second = createStore();
    const reloaded = createPanel(second, storage, 10);
    reloaded.merge(loadPanel(storage));
    reloaded.merge([done('a', 1000), done('b', 2000), done('c', 3000)]);
    expect(
      second
        .get(panelRunsAtom)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['c', 'live']);
  });
});
