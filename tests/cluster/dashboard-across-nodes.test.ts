import { JOB_EVENT } from '@jobs/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from '../e2e/support/stack.js';
import { loginCookie } from '../fault/support/http.js';
import { api, Nodes, TOKEN, waitFor } from './support/nodes.js';
import { TestPostgres } from './support/postgres.js';
import { TestRedis } from './support/redis.js';

/**
 * The whole path across machines' worth of processes: a browser socket on a dashboard whose API is
 * node B sees the progress of a run enqueued through API node A and executed by a jobs-worker, and
 * a cancel sent through that dashboard stops it on the worker.
 */
let db: TestPostgres;
let redis: TestRedis;
const nodes = new Nodes();
let stack: Stack;
let socket: Socket;
let a: ReturnType<typeof api>;
type Seen = { name: string; event: { data: { jobRunId: string; run?: { status: string } } } };
const seen: Seen[] = [];

beforeAll(async () => {
  db = await TestPostgres.create();
  redis = await TestRedis.create();
  const env = { REDIS_URL: redis.url };
  const nodeA = await nodes.api('api-a', db.url(), env);
  const nodeB = await nodes.api('api-b', db.url(), env);
  await nodes.worker('worker-1', db.url(), env);
  await nodes.worker('worker-2', db.url(), env);
  a = api(nodeA.url);
  stack = await startStack({ JOBS_API_URL: nodeB.url, JOBS_API_TOKEN: TOKEN });
  const cookie = await loginCookie(stack.url);
  socket = io(stack.url, { transports: ['websocket'], extraHeaders: { cookie, origin: stack.url } });
  socket.onAny((name: string, event: Seen['event']) => seen.push({ name, event }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
});

afterAll(async () => {
  socket?.close();
  await stack?.stop();
  nodes.killAll();
  redis?.destroy();
  db?.destroy();
});

it('a browser on the dashboard of node B follows and cancels a run enqueued on node A and run by a worker', async () => {
  const id = (await a.enqueue('sleepy', { ms: 60_000 })).body.run.id;
  const of = (type: string) => seen.filter((e) => e.name === type && e.event.data.jobRunId === id);
  await waitFor(() => of(JOB_EVENT.progress).length >= 3, 30_000, 'progress of the run through dashboard B');
  expect(of(JOB_EVENT.started)).toHaveLength(1);

  const cookie = await loginCookie(stack.url);
  const res = await fetch(`${stack.url}/resources/jobs/${id}/cancel`, {
    method: 'POST',
    headers: { cookie, origin: stack.url, accept: 'application/json' },
  });
  expect(res.status).toBe(202);
  await waitFor(() => of(JOB_EVENT.completed).length === 1, 30_000, 'job_completed through dashboard B');
  expect(of(JOB_EVENT.completed)[0]!.event.data.run?.status).toBe('CANCELLED');
  expect((await a.run(id)).status).toBe('CANCELLED');
});
