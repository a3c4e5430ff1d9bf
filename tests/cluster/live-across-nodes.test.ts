import { JOB_EVENT } from '@jobs/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, Nodes, TOKEN, waitFor } from './support/nodes.js';
import { TestPostgres } from './support/postgres.js';
import { TestRedis } from './support/redis.js';

/**
 * Live events across processes: API nodes A and B (JOBS_ROLE=api) and one jobs-worker on a
 * PostgreSQL and a redis-server of the test's own. A socket on B must see what happens to runs
 * enqueued on A and executed by the worker: the lifecycle from PostgreSQL, progress through Redis;
 * and with Redis stopped for 30 s, the lifecycle still, progress again once Redis is back.
 */
let db: TestPostgres;
let redis: TestRedis;
const nodes = new Nodes();
const OUTAGE_MS = 30_000;
let a: ReturnType<typeof api>;
let socket: Socket;
type Seen = {
  name: string;
  at: number;
  event: { seq?: number; data: { jobRunId: string } & Record<string, unknown> };
};
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
  socket.onAny((name: string, event: Seen['event']) => seen.push({ name, at: Date.now(), event }));
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

  it('Redis stopped for 30 s: the lifecycle still arrives (from PostgreSQL), progress pauses and comes back, nothing is lost', async () => {
    // A run that spans the outage: progress through Redis before it, none across nodes during it,
    // and the same run's progress again once Redis is back.
    const long = (await a.enqueue('sleepy', { ms: OUTAGE_MS + 15_000 })).body.run.id;
    await waitFor(() => of(long, JOB_EVENT.progress).length >= 3, 30_000, 'progress of the long run');
    const percentBefore = (await a.run(long)).progress?.percent ?? 0;

    await redis.stop();
    const stoppedAt = Date.now();
    const during: string[] = [];
    for (let i = 0; i < 3; i++) during.push(await runOnA(1000));
    for (const id of during) {
      expect(of(id, JOB_EVENT.queued)).toHaveLength(1);
      expect(of(id, JOB_EVENT.started)).toHaveLength(1);
      // the end state carries the last progress written to the run, whatever the socket missed
      expect(of(id, JOB_EVENT.completed)[0]!.event.data.run).toMatchObject({
        status: 'SUCCESS',
        progress: { percent: 100 },
      });
    }
    await new Promise((r) => setTimeout(r, Math.max(0, stoppedAt + OUTAGE_MS - Date.now())));
    // Degraded, not lost: the run's row kept every value while the sockets got none.
    const percentAtRestart = (await a.run(long)).progress?.percent ?? 0;
    expect(percentAtRestart).toBeGreaterThan(percentBefore);
    const restartedAt = Date.now();
    await redis.start();
    // (from 2 s after the kill: events already on their way when Redis went may still land)
    const crossedDuring = of(long, JOB_EVENT.progress).filter(
      (e) => e.at >= stoppedAt + 2000 && e.at < restartedAt,
    );
    expect(crossedDuring).toHaveLength(0);

    // the nodes reconnect on their own (backoff up to 2 s): the same run's progress flows again,
    // new values (not ones a client queued while Redis was away)
    const fresh = (e: Seen) => Number(e.event.data.progressPercent ?? 0) > percentAtRestart;
    await waitFor(
      () => of(long, JOB_EVENT.progress).filter((e) => e.at >= restartedAt && fresh(e)).length >= 3,
      20_000,
      'progress of the long run through Redis again',
    );
    await waitFor(() => of(long, JOB_EVENT.completed).length === 1, 30_000, 'the long run ends');
    expect(of(long, JOB_EVENT.completed)[0]!.event.data.run).toMatchObject({
      status: 'SUCCESS',
      progress: { percent: 100 },
    });
    const after = await runOnA(1000);
    expect(of(after, JOB_EVENT.progress).length).toBeGreaterThanOrEqual(3);

    // nothing lost: every run has its three lifecycle events once, and no sequence number is skipped
    for (const id of [long, ...during, after])
      for (const type of [JOB_EVENT.queued, JOB_EVENT.started, JOB_EVENT.completed])
        expect(of(id, type)).toHaveLength(1);
    const seqs = seen.filter((e) => typeof e.event.seq === 'number').map((e) => e.event.seq!);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1]! + 1);
  }, 180_000);
});
