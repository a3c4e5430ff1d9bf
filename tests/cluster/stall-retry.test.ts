import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type Node, Nodes, waitFor } from './support/nodes.js';
import { TestPostgres } from './support/postgres.js';

/**
 * A job whose definition asks for a new attempt after a stall (`stallRetries: 1`): its worker is
 * killed with -9 mid-run, the two surviving workers both sweep (stall threshold 4 s here, so the
 * waits stay short), one of them declares the run stalled and exactly one new attempt is enqueued,
 * runs on a survivor and succeeds.
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
    workers.push(
      await nodes.worker(name, db.url(), { JOBS_HEARTBEAT_MS: '1000', JOBS_STALLED_AFTER_MS: '4000' }),
    );
});

afterAll(() => {
  nodes.killAll();
  db?.destroy();
});

describe('retry after a stall', () => {
  it('gives a run declared stalled exactly one new attempt when its definition asks for it', async () => {
    const id = (await client.enqueue('sleepy-retried', { ms: 600_000 })).body.run.id as string;
    await waitFor(async () => (await client.run(id)).status === 'RUNNING', 30_000, 'running');
    const holder = await waitFor(
      () => workers.find((w) => w.lines.some((l) => l.event === 'job_started' && l.runId === id)),
      10_000,
      'holder',
    );
    holder.kill('SIGKILL');

    const stalled = await waitFor(
      async () => {
        const run = await client.run(id);
        return run.status === 'FAILED' && run;
      },
      30_000,
      'declared stalled',
    );
    expect(stalled.error?.code).toBe('STALLED');
    const retry = await waitFor(
      async () => {
        const rows = await db.query<{ id: string; status: string }>(
          'SELECT id::text, status FROM runs WHERE retry_of = $1',
          [Number(id)],
        );
        return rows.length > 0 && rows[0]!.status === 'SUCCESS' && rows;
      },
      30_000,
      'the new attempt succeeded',
    );
    // several sweeps of both survivors later, still one new attempt
    await new Promise((r) => setTimeout(r, 5000));
    const attempts = await db.query<{ id: string; attempt: number; trigger: string; retry_of: string }>(
      'SELECT id::text, attempt, trigger, retry_of::text FROM runs WHERE retry_of = $1',
      [Number(id)],
    );
    expect(attempts).toEqual([{ id: retry[0]!.id, attempt: 2, trigger: 'RETRY', retry_of: id }]);
    const declared = workers.flatMap((w) =>
      w.lines.filter((l) => l.event === 'run_stalled' && l.runId === id),
    );
    expect(declared).toHaveLength(1);
  });
});
