import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_BASE, JOB_EVENT } from '@jobs/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JobsServer, startJobsServer } from '../index.js';
import { testJobs } from '../testing/jobs.js';
import { createOwnDatabase, ownRedisPrefix } from '../testing/own-database.js';
import { connected, type Loose, record, TOKEN, waitFor } from '../testing/server.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

let db: { url: string; drop(): Promise<void> };
let dir: string;
let a: JobsServer;
let b: JobsServer;
const sockets: Socket[] = [];

async function node(redisPrefix: string): Promise<JobsServer> {
  return startJobsServer({
    token: TOKEN,
    dbPath: path.join(dir, 'unused.db'),
    databaseUrl: db.url,
    redisUrl: REDIS_URL,
    redisPrefix,
    port: 0,
    logger: false,
    jobs: testJobs,
    schedules: false,
    heartbeatMs: 100,
  });
}

beforeAll(async () => {
  db = await createOwnDatabase('jobs_fanout');
  dir = mkdtempSync(path.join(tmpdir(), 'jobs-fanout-'));
  const prefix = ownRedisPrefix('fanout');
  a = await node(prefix);
  b = await node(prefix);
}, 30_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await a?.close();
  await b?.close();
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

async function enqueue(server: JobsServer, jobName: string, params: Record<string, unknown>) {
  const res = await fetch(`${server.url}${API_BASE}/enqueue`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ jobName, params }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as Loose).run as { id: string };
}

async function watch(server: JobsServer) {
  const socket = io(server.url, { auth: { token: TOKEN }, transports: ['websocket'], forceNew: true });
  sockets.push(socket);
  const seen = record(socket);
  await connected(socket);
  return seen;
}

const lifecycleSeqs = (seen: Array<{ event: Loose }>) =>
  seen.filter((e) => typeof e.event?.seq === 'number').map((e) => e.event.seq as number);

describe('live events across nodes on one PostgreSQL database', () => {
  it('a socket on node B sees the lifecycle and the progress of a run enqueued and run on node A', async () => {
    const onB = await watch(b);
    const run = await enqueue(a, 'chatty', { updates: 30, everyMs: 20, lines: 2 });
    const of = (type: string) => onB.filter((e) => e.name === type && e.event.data.jobRunId === run.id);
    await waitFor(
      () => of(JOB_EVENT.completed).length === 1,
      10_000,
      () => 'job_completed on B',
    );
    expect(of(JOB_EVENT.queued)).toHaveLength(1);
    expect(of(JOB_EVENT.started)).toHaveLength(1);
    expect(of(JOB_EVENT.progress).length).toBeGreaterThanOrEqual(3); // from A's runner, through Redis
    expect(of(JOB_EVENT.completed)[0]!.event.data.run.status).toBe('SUCCESS');
  });

  it('both nodes deliver the same gap-free lifecycle stream, whichever node wrote each event', async () => {
    const onA = await watch(a);
    const onB = await watch(b);
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => enqueue(i % 2 ? a : b, 'quick', { ms: 5, n: i })),
    );
    const done = (seen: Array<{ name: string; event: Loose }>) =>
      new Set(seen.filter((e) => e.name === JOB_EVENT.completed).map((e) => e.event.data.jobRunId));
    await waitFor(
      () => runs.every((r) => done(onA).has(r.id) && done(onB).has(r.id)),
      15_000,
      () => 'every run completed on both nodes',
    );
    const seqA = lifecycleSeqs(onA);
    const seqB = lifecycleSeqs(onB);
    expect(seqB).toEqual(seqA);
    for (let i = 1; i < seqA.length; i++) expect(seqA[i]).toBe(seqA[i - 1]! + 1);
    expect(seqA.length).toBeGreaterThanOrEqual(60); // queued, started, completed for each of the 20
  });
});
