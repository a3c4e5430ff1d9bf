import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeSummary } from '@jobs/contracts/testing';
import { Server as SocketServer } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpHost } from './httpHost.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const running = makeSummary({ id: '41', status: 'RUNNING' });
let server: Server;
let io: SocketServer | undefined;
const seen: Seen[] = [];

/** A backend proxy as a product app would have one: the engine's paths under /api/jobs. */
async function startProxy(): Promise<string> {
  seen.length = 0;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const send = (status: number, json: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (req.url === '/api/jobs/active') return send(200, { runs: [running], asOfSeq: 7 });
      if (req.url?.startsWith('/api/jobs/history'))
        return send(200, { runs: [running], total: 1, page: 1, pageSize: 20, nextCursor: null });
      if (req.url === '/api/jobs/41/cancel')
        return send(202, { run: { ...running, cancelRequestedAt: running.queuedAt } });
      if (req.url === '/api/jobs/42/cancel')
        return send(409, { error: 'Conflict', details: 'Run 42 already finished', retryable: false });
      if (req.url === '/api/jobs/enqueue')
        return send(201, { run: makeSummary({ id: '43', status: 'QUEUED' }) });
      if (req.url === '/api/jobs/bad/retry') return send(200, { run: { id: 'not a run' } });
      return send(401, { error: 'Unauthorized', details: 'Sign in again', retryable: false });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await io?.close();
  io = undefined;
  await new Promise((r) => server?.close(r));
});

describe('createHttpHost', () => {
  it("fetches the snapshot and the panel's first history page from the proxy, parsed", async () => {
    const origin = await startProxy();
    const host = createHttpHost({
      apiBase: `${origin}/api/jobs/`,
      historyPageSize: 20,
      headers: { 'x-csrf': 'abc' },
    });
    expect(await host.fetchActive()).toEqual({ runs: [running], asOfSeq: 7 });
    expect(await host.fetchRecentRuns()).toEqual([running]);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /api/jobs/active',
      'GET /api/jobs/history?pageSize=20',
    ]);
    expect(seen[0]?.headers['x-csrf']).toBe('abc');
    expect(seen[0]?.headers.authorization).toBeUndefined();
  });

  it('posts cancel and enqueue as JSON and answers the run', async () => {
    const origin = await startProxy();
    const host = createHttpHost({ apiBase: `${origin}/api/jobs`, headers: () => ({ 'x-csrf': 'fresh' }) });
    expect((await host.cancelRun('41')).cancelRequestedAt).toBe(running.queuedAt);
    expect((await host.enqueue?.({ jobName: 'export-users', params: { format: 'csv' } }))?.id).toBe('43');
    expect(seen[1]).toMatchObject({ method: 'POST', url: '/api/jobs/enqueue' });
    expect(JSON.parse(seen[1]?.body ?? '')).toEqual({ jobName: 'export-users', params: { format: 'csv' } });
    expect(seen[1]?.headers['content-type']).toBe('application/json');
    expect(seen[1]?.headers['x-csrf']).toBe('fresh');
  });

  it("throws the API's details as the message, calls onUnauthorized on 401, refuses a bad answer", async () => {
    const origin = await startProxy();
    let unauthorized = 0;
    const host = createHttpHost({ apiBase: `${origin}/api/jobs`, onUnauthorized: () => unauthorized++ });
    await expect(host.cancelRun('42')).rejects.toThrow('Run 42 already finished');
    await expect(host.retryRun?.('43')).rejects.toThrow('Sign in again');
    expect(unauthorized).toBe(1);
    await expect(host.retryRun?.('bad')).rejects.toThrow();
  });

  it('opens the socket on the given URL and path with the auth payload, not connected yet', async () => {
    const origin = await startProxy();
    io = new SocketServer(server, { path: '/rt' });
    const handshakes: unknown[] = [];
    io.on('connection', (socket) => handshakes.push(socket.handshake.auth));
    const host = createHttpHost({
      apiBase: `${origin}/api/jobs`,
      socket: { url: origin, path: '/rt', auth: (cb) => cb({ ticket: 't-1' }) },
    });
    const socket = host.connect();
    expect(socket.connected).toBe(false);
    socket.connect();
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    expect(handshakes).toEqual([{ ticket: 't-1' }]);
    socket.close();
  });
});
