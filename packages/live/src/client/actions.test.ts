import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cancelsInFlightAtom,
  createLiveClient,
  type LiveClient,
  type LiveToast,
  toastsAtom,
} from '../index.js';
import { httpHost, until } from '../testing/host.js';
import { type LiveServer, startLiveServer } from '../testing/liveServer.js';

describe('cancel', () => {
  let server: LiveServer;
  let client: LiveClient;
  let stop: () => void;
  beforeEach(async () => {
    server = await startLiveServer();
    client = createLiveClient(httpHost(server.url));
    stop = client.start();
  });
  afterEach(async () => {
    stop();
    await server.close();
  });

  it('shows CANCEL_REQUESTED at once and sends one request however often it is called', async () => {
    const run = server.start(server.enqueue().id);
    await until(() => expect(client.store.get(client.runAtom(run.id))?.status).toBe('RUNNING'));
    server.behaviour.cancelDelayMs = 100;
    const results = Array.from({ length: 25 }, () => client.cancel(run.id));
    expect(client.store.get(cancelsInFlightAtom).has(run.id)).toBe(true);
    const settled = await Promise.all(results);
    expect(settled.every((r) => r.ok)).toBe(true);
    expect(client.store.get(client.runAtom(run.id))?.cancelRequestedAt).not.toBeNull();
    expect(client.store.get(cancelsInFlightAtom).has(run.id)).toBe(false);
    await client.cancel(run.id);
    expect(server.stats.cancelRequests.get(run.id)).toBe(1);
  });

  it('rolls back and shows an error toast when the request fails; a later call tries again', async () => {
    const run = server.start(server.enqueue().id);
    await until(() => expect(client.store.get(client.runAtom(run.id))).toBeDefined());
    server.behaviour.cancelFails = true;
    const toasts: LiveToast[] = [];
    client.onToast((t) => toasts.push(t));
    const [a, b] = await Promise.all([client.cancel(run.id), client.cancel(run.id)]);
    expect(a).toEqual({ ok: false, error: 'The queue is unavailable' });
    expect(b).toBe(a);
    expect(client.store.get(cancelsInFlightAtom).has(run.id)).toBe(false);
    expect(client.store.get(client.runAtom(run.id))?.cancelRequestedAt).toBeNull();
    expect(toasts).toHaveLength(1);
    expect(client.store.get(toastsAtom)[0]).toMatchObject({
      kind: 'error',
      message: 'The queue is unavailable',
    });
    server.behaviour.cancelFails = false;
    expect((await client.cancel(run.id)).ok).toBe(true);
    expect(server.stats.cancelRequests.get(run.id)).toBe(2);
  });

  it('reports an unexpected answer as an error instead of trusting it', async () => {
    const odd = createLiveClient(httpHost(server.url, { cancelRun: async () => ({ id: 7 }) as never }));
    const result = await odd.cancel('1');
    expect(result.ok).toBe(false);
  });
});

describe('enqueue and retry', () => {
  it('report the new run, show it at once, and toast the outcome', async () => {
    const server = await startLiveServer();
    const queued: string[] = [];
    const client = createLiveClient(
      httpHost(server.url, {
        enqueue: async (request) => {
          queued.push(request.jobName);
          return server.enqueue();
        },
        retryRun: async () => {
          throw new Error('Run 3 is still running');
        },
      }),
    );
    const stop = client.start();
    try {
      const toasts: LiveToast[] = [];
      client.onToast((t) => toasts.push(t));
      const result = await client.enqueue({ jobName: 'match-scores', params: {} });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(client.store.get(client.runAtom(result.run.id))?.status).toBe('QUEUED');
      expect(toasts.at(-1)).toMatchObject({
        kind: 'success',
        title: `match-scores queued as #${result.run.id}`,
      });
      expect(await client.retry('3')).toEqual({ ok: false, error: 'Run 3 is still running' });
      expect(toasts.at(-1)).toMatchObject({
        kind: 'error',
        title: 'Could not retry #3',
        message: 'Run 3 is still running',
      });
      expect(queued).toEqual(['match-scores']);
    } finally {
      stop();
      await server.close();
    }
  });

  it('say so when the host offers no such action', async () => {
    const client = createLiveClient(httpHost('http://127.0.0.1:9'));
    expect(await client.retry('1')).toEqual({ ok: false, error: 'Retry is not available here.' });
    expect((await client.enqueue({ jobName: 'x', params: {} })).ok).toBe(false);
  });
});

describe('retry', () => {
  it('sends one request per run while one is in flight, so a double click starts one run', async () => {
    const server = await startLiveServer();
    let calls = 0;
    const client = createLiveClient(
      httpHost(server.url, {
        retryRun: async () => {
          calls += 1;
          await new Promise((r) => setTimeout(r, 50));
          return server.enqueue();
        },
      }),
    );
    try {
      const results = await Promise.all([client.retry('1'), client.retry('1'), client.retry('1')]);
      expect(calls).toBe(1);
      expect(new Set(results.map((r) => (r.ok ? r.run.id : r.error))).size).toBe(1);
      await client.retry('1');
      expect(calls).toBe(2); // a later, deliberate retry is a new request
    } finally {
      await server.close();
    }
  });
});
