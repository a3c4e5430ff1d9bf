import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type Node, Nodes, waitFor } from './support/nodes.js';
import { TestPostgres } from './support/postgres.js';

/**
 * Dispatch across processes on a PostgreSQL of the test's own: one API node (JOBS_ROLE=api) and
 * three jobs-worker processes pulling from pg-boss. Heartbeats every 20 s here, so a cancel that
 * lands within a second or two came through the NOTIFY signal, not a heartbeat; the stall threshold
 * keeps its default (30 s).
 */
let db: TestPostgres;
const nodes = new Nodes();
let client: ReturnType<typeof api>;
const workers: Node[] = [];

beforeAll(async () => {
  db = await TestPostgres.create();
  const { url } = await nodes.api('api-1', db.url());
  client = api(url);
  for (const name of ['worker-1', 'worker-2', 'worker-3'])
    workers.push(await nodes.worker(name, db.url(), { JOBS_HEARTBEAT_MS: '20000' }));
});

afterAll(() => {
  nodes.killAll();
  db?.destroy();
});

const bossIdOf = (runId: string) => `00000000-0000-4000-8000-${BigInt(runId).toString(16).padStart(12, '0')}`;
const holderOf = (runId: string) =>
  workers.find((w) => w.lines.some((l) => l.event === 'job_started' && l.runId === runId));

describe('cluster dispatch on pg-boss', () => {
  it("holds a job's concurrency across all workers and runs every run once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await client.enqueue('pair', { ms: 1200 })).body.run.id);
    let most = 0;
    await waitFor(
      async () => {
        const [row] = await db.query<{ running: string; done: string }>(
          `SELECT count(*) FILTER (WHERE status = 'RUNNING') AS running,
                  count(*) FILTER (WHERE status = 'SUCCESS') AS done
           FROM runs WHERE id = ANY($1::int8[])`,
          [ids.map(Number)],
        );
        most = Math.max(most, Number(row!.running));
        return Number(row!.done) === ids.length;
      },
      60_000,
      'all pair runs done',
    );
    expect(most).toBe(2);
    const starts = workers.flatMap((w) =>
      w.lines.filter((l) => l.event === 'job_started' && ids.includes(String(l.runId))),
    );
    expect(starts).toHaveLength(ids.length); // each run started exactly once, somewhere
  });

  it('cancels a running run on whichever worker holds it, through the signal', async () => {
    const id = (await client.enqueue('sleepy', { ms: 60_000 })).body.run.id as string;
    await waitFor(async () => (await client.run(id)).status === 'RUNNING', 20_000, 'running');
    expect(holderOf(id)).toBeDefined();
    const asked = Date.now();
    expect((await client.cancel(id)).status).toBe(202);
    await waitFor(async () => (await client.run(id)).status === 'CANCELLED', 10_000, 'cancelled');
    expect(Date.now() - asked).toBeLessThan(3000); // heartbeats come every 20 s here
  });

  it('withdraws a queued run from pg-boss in the transaction that cancels it', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await client.enqueue('pair', { ms: 4000 })).body.run.id);
    const queued = await waitFor(
      async () => {
        const runs = await Promise.all(ids.map((id) => client.run(id)));
        return (
          runs.filter((r) => r.status === 'RUNNING').length === 2 && runs.find((r) => r.status === 'QUEUED')
        );
      },
      20_000,
      'two running, two queued',
    );
    const before = await db.query('SELECT 1 FROM pgboss.job WHERE id = $1', [bossIdOf(queued.id)]);
    expect(before).toHaveLength(1);
    expect((await client.cancel(queued.id)).body.run.status).toBe('CANCELLED');
    expect(await db.query('SELECT 1 FROM pgboss.job WHERE id = $1', [bossIdOf(queued.id)])).toHaveLength(0);
    await waitFor(
      async () =>
        (await Promise.all(ids.map((id) => client.run(id)))).every(
          (r) => r.status !== 'QUEUED' && r.status !== 'RUNNING',
        ),
      30_000,
      'the rest done',
    );
    expect(holderOf(queued.id)).toBeUndefined(); // it never started anywhere
  });

  it('declares the runs of a worker killed with -9 stalled within 35 s, exactly once, by one node', async () => {
    const id = (await client.enqueue('sleepy', { ms: 120_000 })).body.run.id as string;
    await waitFor(async () => (await client.run(id)).status === 'RUNNING', 20_000, 'running');
    const holder = await waitFor(() => holderOf(id), 5000, 'holder known');
    holder.kill('SIGKILL');
    const killed = Date.now();
    const run = await waitFor(
      async () => {
        const r = await client.run(id);
        return r.status === 'FAILED' && r;
      },
      40_000,
      'stalled',
    );
    const detectedMs = Date.now() - killed;
    expect(detectedMs).toBeLessThan(35_000);
    expect(run.error?.code).toBe('STALLED');
    const completed = await db.query("SELECT 1 FROM run_events WHERE run_id = $1 AND type = 'completed'", [
      Number(id),
    ]);
    expect(completed).toHaveLength(1);
    const declarers = workers.filter((w) => w.lines.some((l) => l.event === 'run_stalled' && l.runId === id));
    expect(declarers).toHaveLength(1);
    console.info(`dead worker's run declared stalled ${(detectedMs / 1000).toFixed(1)} s after kill -9`);
  });
});
