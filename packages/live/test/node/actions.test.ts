import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cancelsInFlightAtom,
  createLiveClient,
  type LiveClient,
  type LiveToast,
  toastsAtom,
} from '../../src/index.js';
import { httpHost, until } from '../support/host.js';
import { type LiveServer, startLiveServer } from '../support/liveServer.js';

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
