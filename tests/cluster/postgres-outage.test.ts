import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../e2e/support/stack.js';
import { loginCookie } from '../fault/support/http.js';
import { api, Nodes, TOKEN, waitFor } from './support/nodes.js';
import { TestPostgres } from './support/postgres.js';

/**
 * PostgreSQL stopped for 30 s under an API node, two workers with runs in flight and a dashboard
 * on that API node: enqueue answers 503 + Retry-After at once, the dashboard's page says the jobs
 * API is unavailable (and retries) instead of showing stale or empty lists, the running runs end
 * honestly once it is back, every run acknowledged before the outage is executed, and enqueueing
 * and the page work again without a restart.
 */
const OUTAGE_MS = 30_000;
let db: TestPostgres;
const nodes = new Nodes();
let stack: Stack | undefined;

beforeAll(async () => {
  db = await TestPostgres.create();
});

afterAll(async () => {
  await stack?.stop();
  nodes.killAll();
  db?.destroy();
});

/** The Job Manager as a browser's first load gets it (server-rendered, with the session cookie). */
async function jobManager(base: string, cookie: string): Promise<{ status: number; html: string }> {
  const res = await fetch(`${base}/admin/jobs`, { headers: { cookie }, signal: AbortSignal.timeout(15_000) });
  return { status: res.status, html: await res.text() };
}

describe('PostgreSQL stopped under the cluster', () => {
  it('answers 503 fast while it is away, loses nothing, resumes by itself', async () => {
    const { url } = await nodes.api('api-1', db.url());
    const client = api(url);
    await nodes.worker('worker-1', db.url(), { JOBS_ISOLATION: 'inline' });
    await nodes.worker('worker-2', db.url(), { JOBS_ISOLATION: 'inline' });
    stack = await startStack({ JOBS_API_URL: url, JOBS_API_TOKEN: TOKEN });
    const cookie = await loginCookie(stack.url); // the dashboard's sessions are its own, not the jobs database
    expect((await jobManager(stack.url, cookie)).status).toBe(200);

    const before: string[] = [];
    for (let i = 0; i < 6; i++) before.push((await client.enqueue('sleepy', { ms: 4000 })).body.run.id);
    await waitFor(
      async () => (await Promise.all(before.map((id) => client.run(id)))).some((r) => r.status === 'RUNNING'),
      30_000,
      'some running',
    );

    db.stop();
    const stoppedAt = Date.now();
    const refused = await client.enqueue('sleepy', { ms: 10 }, 'during-outage');
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Date.now() - stoppedAt).toBeLessThan(6000);

    // The page says so: the route's error alert with the API's own words, and that it keeps retrying.
    const asked = Date.now();
    const page = await jobManager(stack.url, cookie);
    expect(Date.now() - asked).toBeLessThan(10_000);
    expect(page.status).toBe(503);
    const shown = page.html.slice(0, page.html.indexOf('<script')).replaceAll('<!-- -->', '');
    expect(shown).toMatch(/<section class="[^"]*\broute-error\b[^"]*" role="alert">/);
    expect(shown).toContain('Service unavailable');
    expect(shown).toMatch(/Retrying every \d+ s/);

    await new Promise((r) => setTimeout(r, Math.max(0, stoppedAt + OUTAGE_MS - Date.now())));
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
    console.info(
      `outcomes after the outage: ${ended.map((r) => `${r.id}:${r.status}${r.error ? `(${r.error.code})` : ''}`).join(' ')}`,
    );
    // Runs that were running finish, or fail saying why; none is left behind or lost.
    for (const r of ended) {
      expect(['SUCCESS', 'FAILED']).toContain(r.status);
      if (r.status === 'FAILED') expect(r.error?.message).toBeTruthy();
    }
    expect(ended.filter((r) => r.status === 'SUCCESS').length).toBeGreaterThanOrEqual(all.length - 2);
    // Their workers were alive all along: the database was away, not them. None is "stalled".
    expect(ended.filter((r) => r.error?.code === 'STALLED')).toEqual([]);
    const keyed = await db.query("SELECT 1 FROM runs WHERE idempotency_key = 'during-outage'");
    expect(keyed).toHaveLength(1);
    // and the page is back, without its alert
    const back = await waitFor(
      async () => {
        const res = await jobManager(stack!.url, cookie);
        return res.status === 200 && res;
      },
      30_000,
      'the Job Manager loads again',
    );
    expect(back.html).not.toContain('route-error');
  }, 240_000);
});
