import { apiError } from '@jobs/contracts';
import { makeDetails } from '@jobs/contracts/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { action as cancelPage } from '../routes/admin.jobs.run.cancel.js';
import { action as cancelResource } from '../routes/resources.cancel.js';
import { ADMIN, answerOf, post, readAnswer, testServices } from '../testing/services.js';
import { JobsApiError } from './jobs-api.server.js';
import { LIMITS_PER_MINUTE } from './rate-limit.server.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

const finished = new JobsApiError(
  409,
  apiError('Run already finished', 'Run run-1 already finished.', false),
);

async function setup(api: Parameters<typeof testServices>[0]) {
  const s = testServices(api);
  cleanups.push(s.cleanup);
  return { ...s, cookie: await s.cookieFor(ADMIN) };
}

describe('guardedAction', () => {
  it('audits a success with the run the handler named', async () => {
    const run = makeDetails({ id: 'run-1' });
    const { context, cookie, audited } = await setup({ cancel: async () => ({ run }) });
    const request = post('/resources/jobs/run-1/cancel', { cookie });
    const answer = await readAnswer(await cancelResource({ request, params: { id: 'run-1' }, context }));
    expect(answer.status).toBe(202);
    expect(await audited()).toMatchObject([
      { who: ADMIN, action: 'cancel', runId: 'run-1', outcome: 'ok', detail: null },
    ]);
  });

  it('answers a jobs API error as its ApiError, JSON for resources and to the form for pages, and audits it', async () => {
    const { context, cookie, audited } = await setup({
      cancel: async () => {
        throw finished;
      },
    });
    const params = { id: 'run-1' };
    const resource = await readAnswer(
      await cancelResource({ request: post('/resources/jobs/run-1/cancel', { cookie }), params, context }),
    );
    expect(resource).toMatchObject({ status: 409, body: finished.body });
    const page = await readAnswer(
      await cancelPage({ request: post('/admin/jobs/runs/run-1/cancel', { cookie }), params, context }),
    );
    expect(page).toMatchObject({ status: 409, body: { ok: false, error: finished.body } });
    const failed = { who: ADMIN, action: 'cancel', runId: 'run-1', outcome: 'error' };
    expect(await audited()).toMatchObject([
      { ...failed, detail: 'HTTP 409: Run run-1 already finished.' },
      { ...failed, detail: 'HTTP 409: Run run-1 already finished.' },
    ]);
  });

  it('audits a handler that throws, and lets the error through', async () => {
    const { context, cookie, audited } = await setup({
      cancel: async () => {
        throw new Error('boom');
      },
    });
    const request = post('/resources/jobs/run-1/cancel', { cookie });
    const thrown = await answerOf(() => cancelResource({ request, params: { id: 'run-1' }, context }));
    expect(thrown).toBeInstanceOf(Error);
    expect(await audited()).toMatchObject([{ runId: 'run-1', outcome: 'error', detail: 'internal error' }]);
  });

  it('counts the route bucket per session: 429 with Retry-After as an ApiError, audited once', async () => {
    const run = makeDetails({ id: 'run-1' });
    const { context, cookie, audited } = await setup({ cancel: async () => ({ run }) });
    const params = { id: 'run-1' };
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS_PER_MINUTE.cancel + 2; i++) {
      const request = post('/resources/jobs/run-1/cancel', { cookie });
      statuses.push((await readAnswer(await cancelResource({ request, params, context }))).status);
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(LIMITS_PER_MINUTE.cancel);
    const page = await readAnswer(
      await cancelPage({ request: post('/admin/jobs/runs/run-1/cancel', { cookie }), params, context }),
    );
    expect(page.status).toBe(429);
    expect(page.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect(page.body).toMatchObject({ ok: false, error: { error: 'Too many requests', retryable: true } });
    const denied = (await audited()).filter((e) => e.outcome === 'denied');
    expect(denied).toEqual([expect.objectContaining({ who: ADMIN, action: 'cancel' })]);
    expect(denied[0]?.detail).toBe('rate limited: /resources/jobs/run-1/cancel');
  });
});
