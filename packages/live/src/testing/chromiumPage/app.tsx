import type { JobRunSummary } from '@jobs/contracts';
import { Profiler, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { io } from 'socket.io-client';
import {
  createLiveClient,
  LiveProvider,
  useActiveRunIds,
  useAnnouncement,
  useConnection,
  useRun,
  useToasts,
  useUiStatus,
} from '../../index.js';

/** A small page over @jobs/live for the Chromium tests and the benchmark. */
const params = new URLSearchParams(location.search);
const probe = {
  notified: [] as string[],
  invalidations: 0,
  logLines: [] as string[],
  commits: 0,
  commitTimes: [] as number[],
};

const client = createLiveClient({
  connect: () => io(location.origin, { autoConnect: false, transports: ['websocket'] }),
  fetchActive: async () => (await fetch('/active')).json(),
  fetchRecentRuns: async () => ((await (await fetch('/history')).json()) as { runs: JobRunSummary[] }).runs,
  cancelRun: async (id) => {
    const response = await fetch(`/runs/${id}/cancel`, { method: 'POST' });
    const body = (await response.json()) as { run?: JobRunSummary; details?: string };
    if (!response.ok || !body.run) throw new Error(body.details ?? `HTTP ${response.status}`);
    return body.run;
  },
  notify: (run) => probe.notified.push(run.id),
  channelName: params.get('channel') ?? 'jobs-live-test',
  onError: () => {},
});
client.onInvalidate(() => {
  probe.invalidations += 1;
});
Object.assign(window, {
  __live: {
    client,
    probe,
    followLogs: (runId: string) => client.subscribeLogs(runId, (line) => probe.logLines.push(line.message)),
  },
});

function Row({ id }: { id: string }) {
  const run = useRun(id);
  const status = useUiStatus(id);
  return (
    <li data-run={id} data-status={status}>
      {run?.jobName} {run?.progress?.percent ?? 0}
      <button type="button" onClick={() => void client.cancel(id)}>
        Cancel
      </button>
    </li>
  );
}

function App() {
  const ids = useActiveRunIds();
  const connection = useConnection();
  const { toasts } = useToasts();
  const announcement = useAnnouncement();
  return (
    <main data-connection={connection.state}>
      <p id="announcement" role="status">
        {announcement?.text}
      </p>
      <ul id="runs">
        {ids.map((id) => (
          <Row key={id} id={id} />
        ))}
      </ul>
      <ol id="toasts">
        {toasts.map((t) => (
          <li key={t.id}>{t.title}</li>
        ))}
      </ol>
    </main>
  );
}

const tree = (
  <Profiler
    id="live"
    onRender={() => {
      probe.commits += 1;
      probe.commitTimes.push(performance.now());
    }}
  >
    <LiveProvider client={client}>
      <App />
    </LiveProvider>
  </Profiler>
);
// `?early=MS`: the socket opens first and React renders MS later, as a page that hydrates slowly;
// `?early=held`: React renders when the test calls `window.renderNow()`.
const render = () =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    params.has('strict') ? <StrictMode>{tree}</StrictMode> : tree,
  );
if (params.has('early')) {
  client.connectEarly();
  const early = params.get('early');
  if (early === 'held') (window as unknown as { renderNow: () => void }).renderNow = render;
  else setTimeout(render, Number(early));
} else render();
