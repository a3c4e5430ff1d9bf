/**
 * The benchmark page: ActiveJobsMonitor over N runs, each row subscribed to its own run (as the
 * dashboard does with one Jotai atom per run), driven by window.bench from bench/run.ts.
 */
import type { JobRunSummary } from '@jobs/contracts';
import { memo, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { ActiveJobsMonitor, JobRunCard } from '../../src/index.js';
import { manyRuns, NOW } from '../../src/testing/runs.js';
import '../../src/styles.css';
import { RunStore } from './run-store.js';

const count = Number(new URLSearchParams(location.search).get('runs') ?? 10_000);
const store = new RunStore(manyRuns(count));
const ids = store.ids();
const noop = () => {};

const Row = memo(function Row({ id }: { id: string }) {
  const run = useSyncExternalStore(
    (l) => store.subscribe(id, l),
    () => store.get(id),
  );
  return run ? (
    <JobRunCard run={run} variant="active" now={NOW} onCancel={noop} onViewDetails={noop} />
  ) : null;
});
const renderRun = (id: string) => <Row id={id} />;

const t0 = performance.now();
createRoot(document.getElementById('root')!).render(
  <ActiveJobsMonitor runIds={ids} renderRun={renderRun} maxHeight={720} />,
);
const firstRender = new Promise<number>((resolve) =>
  // Two frames: React has committed and the browser has painted the first rows.
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0))),
);

interface Window {
  bench: {
    firstRender: Promise<number>;
    updates(
      perSecond: number,
      seconds: number,
    ): Promise<{ frames: number; longTasks: number[]; applied: number }>;
  };
}

(window as unknown as Window).bench = {
  firstRender,
  updates(perSecond, seconds) {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    let frames = 0;
    let applied = 0;
    let running = true;
    const frame = () => {
      frames++;
      if (running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    // Updates arrive in 10 ms batches, like a socket delivering coalesced progress events;
    // one in five hits a row on screen, the rest runs scrolled out of view.
    // Catch up on timer drift so the rate is what was asked for.
    const visible = document.querySelectorAll('li[data-run-id]').length;
    const start = performance.now();
    const timer = setInterval(() => {
      const due = Math.floor(((performance.now() - start) / 1000) * perSecond) - applied;
      for (let i = 0; i < due; i++) {
        const index =
          i % 5 === 0 ? Math.floor(Math.random() * visible) : Math.floor(Math.random() * ids.length);
        store.progress(ids[index]!, Math.floor(Math.random() * 100));
        applied++;
      }
    }, 10);
    return new Promise((resolve) =>
      setTimeout(() => {
        running = false;
        clearInterval(timer);
        observer.disconnect();
        resolve({ frames, longTasks, applied });
      }, seconds * 1000),
    );
  },
};

export type { JobRunSummary };
