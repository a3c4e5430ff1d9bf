import { randomBytes } from 'node:crypto';
import { API_BASE } from '@jobs/contracts';
import { afterAll, expect, it } from 'vitest';
import { startJobsServer } from '../../index.js';
import { testJobs } from '../../testing/jobs.js';
import { postgresUrlFor } from '../../testing/postgres.js';
import { TOKEN } from '../../testing/server.js';
import { cuttableProxy } from '../../testing/tcp-proxy.js';

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers) await close().catch(() => {});
});

it('answers 503 with Retry-After while PostgreSQL is away, and serves again when it is back', async () => {
  const proxy = await cuttableProxy(
    new URL(await postgresUrlFor(`outage_${randomBytes(4).toString('hex')}`)),
  );
  const server = await startJobsServer({
    token: TOKEN,
    dbPath: 'unused',
    databaseUrl: proxy.url,
    port: 0,
    logger: false,
    jobs: testJobs,
    schedules: false,
  });
  closers.push(() => server.close());
  const call = (method: string, route: string, body?: unknown) =>
    fetch(`${server.url}${API_BASE}${route}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const enqueue = { jobName: 'quick', params: { ms: 1 }, idempotencyKey: 'during-outage' };
  expect((await call('POST', '/enqueue', { jobName: 'quick', params: { ms: 1 } })).status).toBe(201);

  await proxy.cut();
  for (const [method, route, body] of [
    ['POST', '/enqueue', enqueue],
    ['GET', '/history', undefined],
    ['GET', '/stats', undefined],
  ] as const) {
    const res = await call(method, route, body);
    expect(res.status, `${method} ${route}`).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ error: 'Service unavailable', retryable: true });
  }

  await proxy.restore();
  const again = await call('POST', '/enqueue', enqueue);
  expect(again.status).toBe(201);
  const history = (await (await call('GET', '/history')).json()) as { total: number };
  expect(history.total).toBe(2); // the refused enqueue left nothing behind; its retry made one run
});
