import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, Nodes, waitFor } from './support/nodes.js';
import { TestPostgres } from './support/postgres.js';

/**
 * PostgreSQL stopped for ~15 s under an API node and two workers with runs in flight: enqueue
 * answers 503 + Retry-After at once, the running runs end honestly once it is back, every run
 * acknowledged before the outage is executed, and enqueueing works again without a restart.
 */
let db: TestPostgres;
const nodes = new Nodes();

beforeAll(async () => {
  db = await TestPostgres.create();
});

afterAll(() => {
  nodes.killAll();
  db?.destroy();
});

describe('PostgreSQL stopped under the cluster', () => {
  it('answers 503 fast while it is away, loses nothing, resumes by itself', async () => {
    const { url } = await nodes.api('api-1', db.url());
    const client = api(url);
    await nodes.worker('worker-1', db.url(), { JOBS_ISOLATION: 'inline' });
    await nodes.worker('worker-2', db.url(), { JOBS_ISOLATION: 'inline' });

    const before: string[] = [];
    for (let i = 0; i < 6; i++) before.push((await client.enqueue('sleepy', { ms: 4000 })).body.run.id);
    await waitFor(
      async () => (await Promise.all(before.map((id) => client.run(id)))).some((r) => r.status === 'RUNNING'),
      30_000,
      'some running',
    );

    db.stop();
    const asked = Date.now();
    const refused = await client.enqueue('sleepy', { ms: 10 }, 'during-outage');
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Date.now() - asked).toBeLessThan(6000);
    await new Promise((r) => setTimeout(r, 15_000));
    db.start();

    // the same request again, once it is back: accepted once
    const accepted = await waitFor(
      async () => {
        const res = await client.enqueue('sleepy', { ms: 10 }, 'during-outage').catch(() => null);
        return res?.status === 201 && res;
      },
      30_000,
      'enqueue accepted again',
    );
    const all = [...before, accepted.body.run.id];
    const ended = await waitFor(
      async () => {
        const runs = await Promise.all(all.map((id) => client.run(id)));
        return runs.every((r) => r.status !== 'QUEUED' && r.status !== 'RUNNING') && runs;
      },
      90_000,
      'every run ended',
    );
    // Runs that were running finish, or fail saying why; none is left behind or lost.
    for (const r of ended) {
      expect(['SUCCESS', 'FAILED']).toContain(r.status);
      if (r.status === 'FAILED') expect(r.error?.message).toBeTruthy();
    }
    expect(ended.filter((r) => r.status === 'SUCCESS').length).toBeGreaterThanOrEqual(all.length - 2);
    const keyed = await db.query("SELECT 1 FROM runs WHERE idempotency_key = 'during-outage'");
    expect(keyed).toHaveLength(1);
    console.info(`outcomes after the outage: ${ended.map((r) => `${r.id}:${r.status}`).join(' ')}`);
  }, 240_000);
});
