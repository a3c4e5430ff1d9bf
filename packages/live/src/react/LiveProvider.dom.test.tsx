import { render, screen } from '@testing-library/react';
import { Profiler, StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createLiveClient,
  type LiveClient,
  LiveProvider,
  useActiveRunIds,
  useRun,
  useUiStatus,
} from '../index.js';
import { httpHost, until } from '../testing/host.js';
import { type LiveServer, startLiveServer } from '../testing/liveServer.js';

// Updates arrive from a real socket, outside any act() scope: let React schedule them as in a browser.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

const renders = new Map<string, number>();

function Row({ id }: { id: string }) {
  const run = useRun(id);
  const status = useUiStatus(id);
  renders.set(id, (renders.get(id) ?? 0) + 1);
  return (
    <li data-testid={`run-${id}`} data-status={status}>
      {run?.jobName} {run?.progress?.percent ?? 0}%
    </li>
  );
}

function Rows() {
  const ids = useActiveRunIds();
  return (
    <ul>
      {ids.map((id) => (
        <Row key={id} id={id} />
      ))}
    </ul>
  );
}

describe('<LiveProvider>', () => {
  let server: LiveServer;
  let client: LiveClient;
  beforeEach(async () => {
    renders.clear();
    server = await startLiveServer();
    client = createLiveClient(httpHost(server.url));
  });
  afterEach(async () => {
    await server.close();
  });

  it('never connects while rendering on the server', async () => {
    server.enqueue();
    const html = renderToString(
      <LiveProvider client={client}>
        <Rows />
      </LiveProvider>,
    );
    expect(html).toContain('<ul>');
    await new Promise((r) => setTimeout(r, 100));
    expect(server.stats.totalConnections).toBe(0);
    expect(client.role()).toBe('stopped');
  });

  it('opens one socket under StrictMode and commits once per frame, not per message', async () => {
    const a = server.start(server.enqueue().id);
    const b = server.start(server.enqueue().id);
    let commits = 0;
    const view = render(
      <StrictMode>
        <Profiler id="live" onRender={() => (commits += 1)}>
          <LiveProvider client={client}>
            <Rows />
          </LiveProvider>
        </Profiler>
      </StrictMode>,
    );
    await until(() => expect(screen.getByTestId(`run-${a.id}`).textContent).toContain('0%'));
    await new Promise((r) => setTimeout(r, 100));
    expect(server.stats.totalConnections).toBe(1);
    const commitsBefore = commits;
    const rendersOfB = renders.get(b.id);
    const sentAt = Date.now();
    for (let p = 1; p <= 300; p += 1) server.progress(a.id, p / 3);
    await until(() => expect(screen.getByTestId(`run-${a.id}`).textContent).toContain('100%'));
    // 300 messages: at most one commit per 16 ms frame (jsdom has no rAF) while they trickle in.
    const frames = Math.ceil((Date.now() - sentAt) / 16) + 2;
    expect(commits - commitsBefore).toBeLessThanOrEqual(Math.min(frames, 60));
    expect(renders.get(b.id)).toBe(rendersOfB);
    view.unmount();
    await until(() => expect(server.stats.connections).toBe(0));
  });

  it('starts from a seeded snapshot and still resyncs from /active once its socket connects', async () => {
    const a = server.start(server.enqueue().id);
    const b = server.start(server.enqueue().id);
    const host = httpHost(server.url);
    const page = await host.fetchActive(); // what the server rendered from
    server.complete(b.id, 'SUCCESS', false); // ends after the page's snapshot, heard by no socket
    let open = () => {};
    const held = new Promise<void>((resolve) => (open = resolve));
    const seeded = createLiveClient({ ...host, fetchActive: () => held.then(() => host.fetchActive()) });
    seeded.seed(page);
    const view = render(
      <LiveProvider client={seeded}>
        <Rows />
      </LiveProvider>,
    );
    // Both rows from the seed while the resync's /active is held.
    await until(() => expect(screen.getByTestId(`run-${b.id}`).dataset.status).toBe('RUNNING'));
    expect(screen.getByTestId(`run-${a.id}`).dataset.status).toBe('RUNNING');
    await until(() => expect(server.stats.totalConnections).toBe(1));
    // A seed once the client runs is ignored.
    seeded.seed({ runs: [], asOfSeq: 0 });
    open();
    // The resync's snapshot knows b ended: it leaves; a stays.
    await until(() => expect(screen.queryByTestId(`run-${b.id}`)).toBeNull());
    expect(screen.getByTestId(`run-${a.id}`)).toBeTruthy();
    expect(server.stats.activeRequests).toBeGreaterThanOrEqual(2);
    view.unmount();
    await until(() => expect(server.stats.connections).toBe(0));
  });

  it('shows CANCEL_REQUESTED optimistically', async () => {
    const a = server.start(server.enqueue().id);
    server.behaviour.cancelDelayMs = 200;
    render(
      <LiveProvider client={client}>
        <Rows />
      </LiveProvider>,
    );
    await until(() => expect(screen.getByTestId(`run-${a.id}`).dataset.status).toBe('RUNNING'));
    const done = client.cancel(a.id);
    await until(() => expect(screen.getByTestId(`run-${a.id}`).dataset.status).toBe('CANCEL_REQUESTED'), 150);
    // The status shows before the request has even reached the server; the request follows, once.
    await until(() => expect(server.stats.cancelRequests.get(a.id)).toBe(1));
    await done;
    expect(server.stats.cancelRequests.get(a.id)).toBe(1);
    expect(screen.getByTestId(`run-${a.id}`).dataset.status).toBe('CANCEL_REQUESTED');
  });
});
