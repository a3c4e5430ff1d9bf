import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type JobsServer, startJobsServer } from '@jobs/server';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from '../e2e/support/stack.js';
import { loginCookie } from './support/http.js';

const TOKEN = 'relay-fault-token-0123456789abcdef';
let dir: string;
let engine: JobsServer;
let stack: Stack;

const startEngine = (port = 0) =>
  startJobsServer({
    token: TOKEN,
    dbPath: path.join(dir, 'jobs.db'),
    host: '127.0.0.1',
    port,
    demoJobs: true,
    schedules: false,
    logger: false,
  });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'jobs-fault-relay-'));
  engine = await startEngine();
  stack = await startStack({ JOBS_API_URL: engine.url, JOBS_API_TOKEN: TOKEN });
});
afterAll(async () => {
  await stack?.stop();
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps browser sockets up while the jobs API restarts, then spreads their reconnects over seconds', async () => {
  const cookie = await loginCookie(stack.url);
  const sockets: Socket[] = [];
  const dropped: number[] = [];
  for (let i = 0; i < 15; i++) {
    const socket = io(stack.url, {
      transports: ['websocket'],
      extraHeaders: { cookie, origin: stack.url },
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.on('disconnect', () => dropped.push(Date.now()));
    sockets.push(socket);
  }

  const port = engine.port;
  await engine.close();
  await new Promise((r) => setTimeout(r, 1500));
  expect(dropped, 'browser sockets dropped while the jobs API was away').toEqual([]);
  const back = Date.now();
  engine = await startEngine(port);

  await expect.poll(() => dropped.length, { timeout: 20_000 }).toBe(sockets.length);
  const spread = Math.max(...dropped) - Math.min(...dropped);
  expect(Math.min(...dropped)).toBeGreaterThanOrEqual(back);
  // All at once (one tick) before; now spread at random over a few seconds.
  expect(spread).toBeGreaterThan(1000);
  for (const s of sockets) s.close();
});
