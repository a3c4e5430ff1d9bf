import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, Nodes, waitFor } from './support/nodes.js';
import { TestPostgres } from './support/postgres.js';

/**
 * Two API nodes and two workers; four clients enqueue 1,000 runs with idempotency keys, spread
 * over both nodes; API node A is killed with -9 in the middle. A request that failed is sent again
 * with the same key to node B. Every acknowledged key has exactly one run, no key has two, and
 * every run executes (its pg-boss job was committed with it), on workers started after the burst.
 */
const TOTAL = 1000;
const CLIENTS = 4;

let db: TestPostgres;
const nodes = new Nodes();

beforeAll(async () => {
  db = await TestPostgres.create();
});

afterAll(() => {
  nodes.killAll();
  db?.destroy();
});

describe('an API node killed during a burst of enqueues', () => {
  it('loses nothing and duplicates nothing', async () => {
    const a = await nodes.api('api-a', db.url());
    const b = await nodes.api('api-b', db.url());
    const nodeA = api(a.url);
    const nodeB = api(b.url);
    const acknowledged = new Map<string, string>();
    let failedOnA = 0;
    let answered = 0;

    const send = async (key: string, first: typeof nodeA) => {
      try {
        const res = await first.enqueue('noop', {}, key);
        if (res.status === 201) return res.body.run.id;
        throw new Error(`answered ${res.status}`);
      } catch {
        if (first === nodeA) failedOnA++;
        const res = await nodeB.enqueue('noop', {}, key); // the same key, to the node still up
        expect(res.status).toBe(201);
        return res.body.run.id;
      }
    };
    const t0 = Date.now();
    const clients = Array.from({ length: CLIENTS }, async (_, c) => {
      for (let n = 0; n < TOTAL / CLIENTS; n++) {
        const key = `burst-${c}-${n}`;
        const id = await send(key, n % 2 === 0 ? nodeA : nodeB);
        acknowledged.set(key, id);
        if (++answered === 300) a.node.kill('SIGKILL');
      }
    });
    await Promise.all(clients);
    const burstMs = Date.now() - t0;
    expect(a.node.alive).toBe(false);
    expect(failedOnA).toBeGreaterThan(0);
    expect(acknowledged.size).toBe(TOTAL);

    const rows = await db.query<{ key: string; id: string }>(
      `SELECT idempotency_key AS key, id::text AS id FROM runs WHERE idempotency_key LIKE 'burst-%'`,
    );
    expect(rows).toHaveLength(TOTAL); // one run per key, none without an acknowledgement
    for (const row of rows) expect(acknowledged.get(row.key)).toBe(row.id);

    // The workers start after the burst (on 2 shared cores they would slow it down): every run
    // acknowledged by either node, the killed one included, must be waiting in pg-boss.
    // Job code inline: this is about dispatch (thread isolation has its own tests), and 1,000
    // no-op runs through fresh threads take minutes on 2 loaded cores.
    await nodes.worker('worker-1', db.url(), { JOBS_ISOLATION: 'inline' });
    await nodes.worker('worker-2', db.url(), { JOBS_ISOLATION: 'inline' });
    // Every run is taken and ends (none left QUEUED without its pg-boss job, none run twice).
    const outcome = await waitFor(
      async () => {
        const rows = await db.query<{ status: string; n: string }>(
          "SELECT status, count(*) AS n FROM runs WHERE idempotency_key LIKE 'burst-%' GROUP BY status",
        );
        const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
        return !by.QUEUED && !by.RUNNING && by;
      },
      180_000,
      'every run executed',
    ).catch(async (err) => {
      console.error(
        JSON.stringify(
          await db.query(
            "SELECT r.status, j.state, count(*) FROM runs r LEFT JOIN pgboss.job j ON j.data->>'runId' = r.id::text WHERE r.idempotency_key LIKE 'burst-%' GROUP BY 1, 2",
          ),
        ),
      );
      throw err;
    });
    const started = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM run_events e JOIN runs r ON r.id = e.run_id WHERE r.idempotency_key LIKE 'burst-%' AND e.type = 'started'",
    );
    expect(Number(started[0]!.n)).toBe(TOTAL);
    expect(outcome).toEqual({ SUCCESS: TOTAL });
    console.info(
      `${TOTAL} enqueues in ${burstMs} ms; ${failedOnA} failed on node A and were retried on B without duplicates; outcomes ${JSON.stringify(outcome)}`,
    );
  }, 300_000);
});
