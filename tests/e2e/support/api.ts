import type { JobRunSummary } from '@jobs/contracts';
import { type APIRequestContext, expect, request } from '@playwright/test';
import { ADMIN, VIEWER } from './accounts.js';

/** A logged-in HTTP client of the dashboard (what a second browser would do, minus the page). */
export async function sessionClient(
  baseURL: string,
  who: 'admin' | 'viewer' = 'admin',
): Promise<APIRequestContext> {
  const account = who === 'admin' ? ADMIN : VIEWER;
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const res = await ctx.post('/login', {
    form: { email: account.email, password: account.password, redirectTo: '/admin' },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(302);
  return ctx;
}

export async function enqueue(
  ctx: APIRequestContext,
  jobName: string,
  params: Record<string, unknown> = {},
): Promise<JobRunSummary> {
  const res = await ctx.post('/resources/jobs/enqueue', { data: { jobName, params } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { run: JobRunSummary }).run;
}

export async function cancel(ctx: APIRequestContext, id: string): Promise<void> {
  const res = await ctx.post(`/resources/jobs/${id}/cancel`);
  expect([202, 409]).toContain(res.status());
}

/** Waits until a run has left the active list (it finished, whatever its end), bounded. */
export async function waitUntilFinished(
  ctx: APIRequestContext,
  id: string,
  timeoutMs = 60_000,
): Promise<void> {
  await expect
    .poll(
      async () => {
        const res = await ctx.get('/resources/jobs/active');
        const body = (await res.json()) as { runs: JobRunSummary[] };
        return body.runs.some((r) => r.id === id);
      },
      { timeout: timeoutMs, message: `run ${id} to leave the active list` },
    )
    .toBe(false);
}
