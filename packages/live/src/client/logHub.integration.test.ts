import type { LogLine } from '@jobs/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectionAtom, createLiveClient, type LiveClient } from '../index.js';
import { httpHost, until } from '../testing/host.js';
import { type LiveServer, startLiveServer } from '../testing/liveServer.js';

describe('log lines over the one socket', () => {
  let server: LiveServer;
  let client: LiveClient;
  let stop: () => void;
  beforeEach(async () => {
    server = await startLiveServer();
    client = createLiveClient(httpHost(server.url, { tuning: { reconnectBaseMs: 30, reconnectMaxMs: 100 } }));
    stop = client.start();
    await until(() => expect(client.store.get(connectionAtom).state).toBe('live'));
  });
  afterEach(async () => {
    stop();
    await server.close();
  });

  it('subscribes once per run, resubscribes after a reconnect, and unsubscribes with the last listener', async () => {
    const run = server.enqueue();
    const a: LogLine[] = [];
    const b: LogLine[] = [];
    const offA = client.subscribeLogs(run.id, (line) => a.push(line));
    const offB = client.subscribeLogs(run.id, (line) => b.push(line));
    await until(() => expect(server.logListeners(run.id)).toBe(1));
    server.log(run.id, 1, 'starting <b>batch</b>');
    await until(() => expect(b.map((l) => l.message)).toEqual(['starting <b>batch</b>']));
    expect(a).toHaveLength(1);
    expect(server.logListeners('other')).toBe(0);

    server.dropAllSockets();
    await until(() => expect(server.logListeners(run.id)).toBe(1));
    server.log(run.id, 2, 'after reconnect');
    await until(() => expect(a.map((l) => l.seq)).toEqual([1, 2]));

    offA();
    server.log(run.id, 3, 'only b');
    await until(() => expect(b.map((l) => l.seq)).toEqual([1, 2, 3]));
    expect(a).toHaveLength(2);
    offB();
    await until(() => expect(server.logListeners(run.id)).toBe(0));
  });
});
