import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type Node, Nodes, waitFor } from './support/nodes.js';
import { TestPostgres } from './support/postgres.js';

/**
 * Short heartbeats (500 ms) and a short stall threshold (3 s) so that the judgements come quickly:
 * a paused worker (SIGSTOP) is declared stalled and, resumed, can no longer write; a cancel whose
 * signal was never sent is found at the next heartbeat; and workers whose clocks are 5 minutes
 * ahead and 5 minutes behind (JOBS_TEST_CLOCK_SKEW_MS shifts a process's clock; only tests set it)
 * cause no false stall, because every timestamp and judgement uses PostgreSQL's clock.
 */
const FAST = { JOBS_HEARTBEAT_MS: '500', JOBS_STALLED_AFTER_MS: '3000', JOBS_WORKER_CONCURRENCY: '2' };
const FIVE_MINUTES = 5 * 60_000;

let db: TestPostgres;
const nodes = new Nodes();
let client: ReturnType<typeof api>;
const workers: Node[] = [];

beforeAll(async () => {
  db = await TestPostgres.create();
  const { url } = await nodes.api('api-1', db.url());
  client = api(url);
  workers.push(
    await nodes.worker('ahead', db.url(), { ...FAST, JOBS_TEST_CLOCK_SKEW_MS: String(FIVE_MINUTES) }),
  );
  workers.push(
    await nodes.worker('behind', db.url(), { ...FAST, JOBS_TEST_CLOCK_SKEW_MS: String(-FIVE_MINUTES) }),
  );
});

afterAll(() => {
  for (const w of workers) if (w.alive) w.kill('SIGCONT');
  nodes.killAll();
  db?.destroy();
});

const holderOf = (runId: string) =>
  workers.find((w) => w.lines.some((l) => l.event === 'job_started' && l.runId === runId));

describe('stalls judged by the database clock', () => {
  it('no false stall from workers whose clocks are 5 minutes ahead and behind', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await client.enqueue('sleepy', { ms: 6000 })).body.run.id);
    const runs = await waitFor(
      async () => {
        const all = await Promise.all(ids.map((id) => client.run(id)));
        return all.every((r) => r.status !== 'QUEUED' && r.status !== 'RUNNING') && all;
      },
      60_000,
      'all finished',
    );
    expect(runs.map((r) => r.status)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS']);
    // both skewed workers ran some of them (each takes at most 2 at once)
    expect(new Set(ids.map((id) => holderOf(id)?.name))).toEqual(new Set(['ahead', 'behind']));
    for (const r of runs) {
      // timestamps are the database's, not the workers' skewed clocks
      expect(Math.abs(Date.parse(r.startedAt!) - Date.now())).toBeLessThan(60_000);
    }
  });

  it('finds a cancel whose signal never came at the next heartbeat', async () => {
    const id = (await client.enqueue('sleepy', { ms: 60_000 })).body.run.id as string;
    await waitFor(async () => (await client.run(id)).status === 'RUNNING', 20_000, 'running');
    // the durable flag alone, as if the NOTIFY had been lost
    await db.query(
      `UPDATE runs SET cancel_requested_at = now(), version = version + 1 WHERE id = $1 AND status = 'RUNNING'`,
      [Number(id)],
    );
    await waitFor(async () => (await client.run(id)).status === 'CANCELLED', 5000, 'cancelled by heartbeat');
  });

  it('a paused worker is declared stalled and, resumed, can no longer write', async () => {
    const id = (await client.enqueue('sleepy', { ms: 8000 })).body.run.id as string;
    await waitFor(async () => (await client.run(id)).status === 'RUNNING', 20_000, 'running');
    const holder = await waitFor(() => holderOf(id), 5000, 'holder known');
    holder.kill('SIGSTOP');
    const stalled = await waitFor(
      async () => {
        const r = await client.run(id);
        return r.status === 'FAILED' && r;
      },
      15_000,
      'stalled',
    );
    expect(stalled.error?.code).toBe('STALLED');
    holder.kill('SIGCONT');
    // the old attempt wakes up: its heartbeat learns the run is lost, its progress and end change nothing
    await holder.waitForLine((l) => l.runId === id && /no longer RUNNING/.test(String(l.msg)), 10_000);
    await new Promise((r) => setTimeout(r, 2000));
    const after = await client.run(id);
    expect(after.status).toBe('FAILED');
    expect(after.version).toBe(stalled.version);
    expect(after.finishedAt).toBe(stalled.finishedAt);
    const completed = await db.query("SELECT 1 FROM run_events WHERE run_id = $1 AND type = 'completed'", [
      Number(id),
    ]);
    expect(completed).toHaveLength(1);
  });
});
