import { JOB_EVENT } from '@jobs/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, Nodes, TOKEN, waitFor } from './support/nodes.js';
import { TestPostgres } from './support/postgres.js';
import { TestRedis } from './support/redis.js';

/**
 * Live events across processes: API nodes A and B (JOBS_ROLE=api) and one jobs-worker on a
 * PostgreSQL and a redis-server of the test's own. A socket on B must see what happens to runs
 * enqueued on A and executed by the worker: the lifecycle from PostgreSQL, progress through Redis.
 */
let db: TestPostgres;
let redis: TestRedis;
const nodes = new Nodes();
let a: ReturnType<typeof api>;
let socket: Socket;
type Seen = { name: string; event: { seq?: number; data: { jobRunId: string } & Record<string, unknown> } };
const seen: Seen[] = [];

beforeAll(async () => {
  db = await TestPostgres.create();
  redis = await TestRedis.create();
  const env = { REDIS_URL: redis.url };
  const nodeA = await nodes.api('api-a', db.url(), env);
  const nodeB = await nodes.api('api-b', db.url(), env);
  await nodes.worker('worker-1', db.url(), env);
  a = api(nodeA.url);
  socket = io(nodeB.url, { auth: { token: TOKEN }, transports: ['websocket'], forceNew: true });
  socket.onAny((name: string, event: Seen['event']) => seen.push({ name, event }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
});

afterAll(() => {
  socket?.disconnect();
  nodes.killAll();
  redis?.destroy();
  db?.destroy();
});

const of = (runId: string, type: string) =>
  seen.filter((e) => e.name === type && e.event.data.jobRunId === runId);

async function runOnA(ms: number): Promise<string> {
  const res = await a.enqueue('sleepy', { ms });
  expect(res.status).toBe(201);
  const id = res.body.run.id;
  await waitFor(() => of(id, JOB_EVENT.completed).length === 1, 30_000, `job_completed of ${id} on node B`);
  return id;
}

describe('live events across nodes', () => {
  it('a socket on node B sees the lifecycle and progress of a run enqueued on A and run by a worker', async () => {
    const id = await runOnA(1500);
    expect(of(id, JOB_EVENT.queued)).toHaveLength(1);
    expect(of(id, JOB_EVENT.started)).toHaveLength(1);
    expect(of(id, JOB_EVENT.progress).length).toBeGreaterThanOrEqual(5); // from the worker, through Redis
    const seqs = seen.filter((e) => typeof e.event.seq === 'number').map((e) => e.event.seq!);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1]! + 1);
  });

  it('with Redis down the lifecycle still arrives (from PostgreSQL); progress comes back with Redis', async () => {
    await redis.stop();
    const during = await runOnA(1000);
    expect(of(during, JOB_EVENT.started)).toHaveLength(1);
    expect(of(during, JOB_EVENT.completed)[0]!.event.data.run).toMatchObject({ status: 'SUCCESS' });
    // the end state carries the last progress written to the run, whatever the socket missed
    expect(of(during, JOB_EVENT.completed)[0]!.event.data.run).toMatchObject({ progress: { percent: 100 } });

    await redis.start();
    // the nodes reconnect on their own (backoff up to 2 s): progress flows again for a new run
    await waitFor(
      async () => {
        const id = await runOnA(1000);
        return of(id, JOB_EVENT.progress).length >= 3;
      },
      60_000,
      'progress through Redis again',
    );
    const seqs = seen.filter((e) => typeof e.event.seq === 'number').map((e) => e.event.seq!);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1]! + 1); // nothing skipped
  });
});
