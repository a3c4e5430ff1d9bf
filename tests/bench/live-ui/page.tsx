import type { JobRunSummary } from '@jobs/contracts';
import {
  activeRunIdsAtom,
  createLiveClient,
  LiveProvider,
  useActiveRunIds,
  useCancelPending,
  useCancelRun,
  useRun,
} from '@jobs/live';
import { ActiveJobsMonitor } from '@jobs/ui/ActiveJobsMonitor';
import { JobRunCard } from '@jobs/ui/JobRunCard';
import { Profiler } from 'react';
import { createRoot } from 'react-dom/client';
import { io } from 'socket.io-client';
import '@jobs/ui/styles.css';

/** The Chromium benchmark page: @jobs/ui's ActiveJobsMonitor over @jobs/live, instrumented. */
const client = createLiveClient({
  connect: () => {
    const socket = io(location.origin, { autoConnect: false, transports: ['websocket'] });
    // Arrival in the page, before any of @jobs/live's work: splits transport delay from ours.
    socket.on('server.admin.job_progress', (event: { data?: { message?: string } }) => {
      const message = event.data?.message ?? '';
      const match = bench.running ? /sent:(\d+)/.exec(message) : null;
      if (!match) return;
      bench.arrivals.push(Date.now() - Number(match[1]));
      arrivedAt.set(message, Date.now());
    });
    return socket;
  },
  fetchActive: async () => (await fetch('/active')).json(),
  fetchRecentRuns: async () => [] as JobRunSummary[],
  cancelRun: async () => {
    throw new Error('not in the benchmark');
  },
  channelName: 'bench',
  onError: () => {},
});

/** When each message reached the page, to split its event→DOM time into transport and ours. */
const arrivedAt = new Map<string, number>();

const bench = {
  running: false,
  commits: 0,
  frames: 0,
  latencies: [] as number[],
  arrivals: [] as number[],
  own: [] as number[],
  longTasks: [] as number[],
  begin() {
    Object.assign(bench, {
      running: true,
      commits: 0,
      frames: 0,
      latencies: [],
      arrivals: [],
      own: [],
      longTasks: [],
    });
    const frame = () => {
      if (!bench.running) return;
      bench.frames += 1;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  },
  end() {
    bench.running = false;
    arrivedAt.clear();
    return {
      commits: bench.commits,
      frames: bench.frames,
      arrivals: bench.arrivals,
      own: bench.own,
      latencies: bench.latencies,
      longTasks: bench.longTasks,
    };
  },
  activeCount: () => client.store.get(activeRunIdsAtom).length,
};
Object.assign(window, { __bench: bench });

new PerformanceObserver((list) => {
  if (bench.running) for (const entry of list.getEntries()) bench.longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: false });

// Event → DOM: each progress message carries its send time; read it when it lands in the DOM.
new MutationObserver((records) => {
  if (!bench.running) return;
  const now = Date.now();
  for (const record of records) {
    const text = record.target.textContent ?? '';
    const match = /sent:(\d+)/.exec(text);
    if (!match || record.target.parentElement?.dataset.sent === undefined) continue;
    bench.latencies.push(now - Number(match[1]));
    const arrived = arrivedAt.get(text);
    if (arrived !== undefined) bench.own.push(now - arrived);
  }
}).observe(document.body, { subtree: true, characterData: true, childList: true });

function Row({ id }: { id: string }) {
  const run = useRun(id);
  const cancelPending = useCancelPending(id);
  const cancel = useCancelRun();
  if (!run) return null;
  return (
    <div>
      <JobRunCard
        run={run}
        variant="active"
        cancelPending={cancelPending}
        onCancel={(r) => void cancel(r.id)}
      />
      <span data-sent="">{run.progress?.message}</span>
    </div>
  );
}

function Monitor() {
  const ids = useActiveRunIds();
  return <ActiveJobsMonitor runIds={ids} renderRun={(id) => <Row id={id} />} maxHeight={900} />;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <Profiler
    id="bench"
    onRender={() => {
      if (bench.running) bench.commits += 1;
    }}
  >
    <LiveProvider client={client}>
      <Monitor />
    </LiveProvider>
  </Profiler>,
);
