import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_BASE } from '@jobs/contracts';
import { type JobsServer, startJobsServer } from '@jobs/server';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from '../e2e/support/stack.js';
import { loginCookie } from './support/http.js';

/**
 * A dashboard given two jobs API nodes (`JOBS_API_URL=a,b`): when the one it uses goes away, its
 * HTTP calls and its upstream socket go to the other, and browsers keep getting events.
 */
const TOKEN = 'failover-token-0123456789abcdef';
let dir: string;
let a: JobsServer;
let b: JobsServer;
let stack: Stack;
const sockets: Socket[] = [];

const engine = (name: string) =>
  startJobsServer({
    token: TOKEN,
    dbPath: path.join(dir, `${name}.db`),
    host: '127.0.0.1',
    port: 0,
    demoJobs: true,
    schedules: false,
    logger: false,
  });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'jobs-fault-failover-'));
  a = await engine('a');
  b = await engine('b');
  stack = await startStack({ JOBS_API_URL: `${a.url},${b.url}`, JOBS_API_TOKEN: TOKEN });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await stack?.stop();
  await a?.close();
  await b?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('fails over to the next API node for HTTP calls and for the upstream socket', async () => {
  const cookie = await loginCookie(stack.url);
  const active = () => fetch(`${stack.url}/resources/jobs/active`, { headers: { cookie } });
  expect((await active()).status).toBe(200);

  const socket = io(stack.url, {
    transports: ['websocket'],
    extraHeaders: { cookie, origin: stack.url },
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  sockets.push(socket);
  const queued: string[] = [];
  socket.on('server.admin.job_queued', (event: { data: { jobRunId: string } }) =>
    queued.push(event.data.jobRunId),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });

  await a.close(); // the node in use goes away

  // reads go to B at once
  const res = await active();
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ runs: expect.any(Array) });

  // the relay's upstream socket moves to B: runs enqueued there reach the browser
  await expect
    .poll(
      async () => {
        const enqueued = await fetch(`${b.url}${API_BASE}/enqueue`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ jobName: 'trending', params: {} }),
        });
        const { run } = (await enqueued.json()) as { run: { id: string } };
        await new Promise((r) => setTimeout(r, 300));
        return queued.includes(run.id);
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
});
