import { apiError } from '@jobs/contracts';
import { makeDetails } from '@jobs/contracts/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { action as bulk } from '../routes/admin.jobs.bulk.js';
import { ADMIN, post, readAnswer, testServices } from '../testing/services.js';
import { JobsApiError } from './jobs-api.server.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

async function submit(api: Parameters<typeof testServices>[0], form: Record<string, string>) {
  const s = testServices(api);
  cleanups.push(s.cleanup);
  const request = post('/admin/jobs/bulk', { cookie: await s.cookieFor(ADMIN), form });
  const answer = await readAnswer(await bulk({ request, params: {}, context: s.context }));
  return { answer, audited: await s.audited() };
}

const unavailable = apiError('Store unavailable', 'The store is not answering.', true);

describe('bulk operations are audited with their counts', () => {
  it('when every run is cancelled', async () => {
    const results = [
      { id: 'a', ok: true },
      { id: 'b', ok: true },
    ];
    const { answer, audited } = await submit(
      { bulkCancel: async () => ({ results }) },
      { intent: 'cancel-all', jobName: 'trending' },
    );
    expect(answer.status).toBe(200);
    expect(audited).toMatchObject([
      { who: ADMIN, action: 'bulk cancel trending', outcome: 'ok', detail: '2 of 2 cancelled' },
    ]);
  });

  it('when some runs could not be cancelled', async () => {
    const results = [
      { id: 'a', ok: true },
      { id: 'b', ok: false, error: 'Run already finished' },
    ];
    const { answer, audited } = await submit(
      { bulkCancel: async () => ({ results }) },
      { intent: 'cancel-all' },
    );
    expect(answer).toMatchObject({
      status: 200,
      body: { ok: true, failures: ['#b: Run already finished'] },
    });
    expect(audited).toMatchObject([
      { action: 'bulk cancel', outcome: 'error', detail: '1 of 2 cancelled; 1 failed' },
    ]);
  });

  it('when the call fails halfway (a 503 that still says which runs were cancelled)', async () => {
    const raw = {
      ...unavailable,
      results: [
        { id: 'a', ok: true },
        { id: 'b', ok: false, error: 'unavailable' },
      ],
    };
    const { answer, audited } = await submit(
      {
        bulkCancel: async () => {
          throw new JobsApiError(503, unavailable, raw);
        },
      },
      { intent: 'cancel-all' },
    );
    expect(answer).toMatchObject({ status: 503, body: { ok: false, error: unavailable } });
    expect(audited).toMatchObject([
      {
        action: 'bulk cancel',
        outcome: 'error',
        detail: '1 of 2 cancelled; 1 failed; HTTP 503: The store is not answering.',
      },
    ]);
  });

  it('when the call fails wholly', async () => {
    const { answer, audited } = await submit(
      {
        bulkEnqueue: async () => {
          throw new JobsApiError(502, apiError('Jobs API error 500', 'boom', true));
        },
      },
      { intent: 'start', jobName: 'trending', count: '4' },
    );
    expect(answer.status).toBe(502);
    expect(audited).toMatchObject([
      { action: 'bulk start trending ×4', outcome: 'error', detail: '0 of 4 started; HTTP 502: boom' },
    ]);
  });

  it('when some runs could not be started', async () => {
    const run = makeDetails({ id: 'r1', jobName: 'trending' });
    const { audited } = await submit(
      {
        bulkEnqueue: async () => ({
          results: [
            { ok: true, run },
            { ok: false, error: 'queue full' },
          ],
        }),
      },
      { intent: 'start', jobName: 'trending', count: '2' },
    );
    expect(audited).toMatchObject([
      { action: 'bulk start trending ×2', outcome: 'error', detail: '1 of 2 started; 1 failed' },
    ]);
  });

  it('when the input is refused before any call', async () => {
    const { answer, audited } = await submit({}, { intent: 'start', jobName: 'trending', params: '{' });
    expect(answer).toMatchObject({
      status: 400,
      body: { ok: false, error: { error: 'Invalid JSON syntax' } },
    });
    expect(audited).toMatchObject([{ action: 'bulk start trending ×1', outcome: 'error' }]);
  });
});
