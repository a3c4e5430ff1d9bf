import { act, render } from '@testing-library/react';
import { useSyncExternalStore } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { manyRuns, NOW } from '../../testing/fixtures.js';
import { JobRunCard } from '../JobRunCard/JobRunCard.js';
import { ActiveJobsMonitor } from './ActiveJobsMonitor.js';

// A tiny per-run store, standing in for the host's per-run atoms.
function runStore(runs: ReturnType<typeof manyRuns>) {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const listeners = new Map<string, Set<() => void>>();
  return {
    get: (id: string) => byId.get(id),
    set(id: string, percent: number) {
      const run = byId.get(id);
      if (!run) return;
      byId.set(id, { ...run, version: run.version + 1, progress: { percent, message: `at ${percent}` } });
      for (const l of listeners.get(id) ?? []) l();
    },
    subscribe(id: string, l: () => void) {
      const set = listeners.get(id) ?? new Set();
      set.add(l);
      listeners.set(id, set);
      return () => set.delete(l);
    },
  };
}

type Store = ReturnType<typeof runStore>;

function Row({ id, store, renders }: { id: string; store: Store; renders: Map<string, number> }) {
  const run = useSyncExternalStore(
    (l) => store.subscribe(id, l),
    () => store.get(id),
  );
  renders.set(id, (renders.get(id) ?? 0) + 1);
  return run ? <JobRunCard run={run} variant="active" now={NOW} /> : null;
}

describe('ActiveJobsMonitor in Chromium', () => {
  it('renders only the visible rows of 10,000, keyed by run id, and scrolls to the end', async () => {
    const runs = manyRuns(10_000);
    const { container } = render(
      <ActiveJobsMonitor
        runIds={runs.map((r) => r.id)}
        maxHeight={400}
        renderRun={(id) => <div style={{ height: 100 }}>{id}</div>}
      />,
    );
    const rows = () => [...container.querySelectorAll<HTMLElement>('li')];
    // The first rows at once, laid out plainly while the virtualizer's code loads; then only what shows.
    expect(rows()[0]?.dataset.runId).toBe('20000');
    await vi.waitFor(() => expect(container.querySelector('ul[data-layout="flow"]')).toBeNull());
    expect(rows().length).toBeGreaterThan(2);
    expect(rows().length).toBeLessThan(20);
    expect(rows()[0]?.dataset.runId).toBe('20000');
    const scroller = container.querySelector<HTMLElement>('section section')!;
    await act(async () => {
      scroller.scrollTop = scroller.scrollHeight;
      scroller.dispatchEvent(new Event('scroll'));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    expect(rows().at(-1)?.dataset.runId).toBe('29999');
    expect(rows().at(-1)?.getAttribute('aria-posinset')).toBe('10000');
  });

  it("re-renders only the updated run's row", async () => {
    const runs = manyRuns(50);
    const store = runStore(runs);
    const renders = new Map<string, number>();
    const { container } = render(
      <ActiveJobsMonitor
        runIds={runs.map((r) => r.id)}
        renderRun={(id) => <Row id={id} store={store} renders={renders} />}
      />,
    );
    const before = new Map(renders);
    act(() => store.set('20001', 99));
    expect(container.querySelector('[data-run-id="20001"] [role="progressbar"]')).toHaveAttribute(
      'aria-valuenow',
      '99',
    );
    const changed = [...renders].filter(([id, n]) => before.get(id) !== n).map(([id]) => id);
    expect(changed).toEqual(['20001']);
  });
});
