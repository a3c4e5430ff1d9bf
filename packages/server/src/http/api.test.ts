import {
  ActiveResponse,
  API_BASE,
  ApiError,
  BulkCancelResponse,
  BulkEnqueueResponse,
  CleanupStalledResponse,
  DefinitionsResponse,
  HistoryResponse,
  JobStats,
  LIMITS,
  LogsResponse,
  RunConflictError,
  RunDetailsResponse,
  RunResponse,
} from '@jobs/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, TOKEN } from '../testing/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

/** Every failure is an ApiError body. */
function expectApiError(body: unknown, fields: Partial<ApiError> = {}) {
  const parsed = ApiError.parse(body);
  expect(parsed).toMatchObject(fields);
  return parsed;
}

describe('auth', () => {
  it('answers 401 without a token and with a wrong one, on every endpoint', async () => {
    for (const [method, route] of [
      ['GET', '/definitions'],
      ['GET', '/history'],
      ['POST', '/enqueue'],
      ['POST', '/1/cancel'],
    ] as const) {
      const none = await fetch(`${t.server.url}${API_BASE}${route}`, { method });
      expect(none.status).toBe(401);
      expectApiError(await none.json(), { error: 'Unauthorized', retryable: false });
      const wrong = await t.api(method, route, undefined, { authorization: `Bearer ${TOKEN}x` });
      expect(wrong.status).toBe(401);
    }
  });

  it('answers 404 ApiError outside the API and for unknown endpoints, 405 for a wrong method', async () => {
    const outside = await fetch(`${t.server.url}/nowhere`);
    expect(outside.status).toBe(404);
    expectApiError(await outside.json());
    expectApiError((await t.api('GET', '/bulk/nothing/here')).body);
    const wrongMethod = await t.api('GET', '/enqueue');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });
});

describe('GET /definitions', () => {
  it('lists every job with description, examples, defaults and a JSON Schema', async () => {
    const res = await t.api('GET', '/definitions');
    expect(res.status).toBe(200);
    const { jobs } = DefinitionsResponse.parse(res.body);
    const validated = jobs.find((j) => j.name === 'validated')!;
    expect(validated).toMatchObject({ id: 'validated', cancellable: true, defaultParams: { batchSize: 10 } });
    expect(validated.paramsSchema).toMatchObject({
      type: 'object',
      properties: { batchSize: { type: 'integer' } },
    });
    expect(jobs.find((j) => j.name === 'pinned')?.cancellable).toBe(false);
    // Unknown keys are refused on enqueue, and the schema says so; jobs that accept them do not.
    expect(validated.paramsSchema?.additionalProperties).toBe(false);
    expect(jobs.find((j) => j.name === 'open-params')?.paramsSchema?.additionalProperties).not.toBe(false);
    expect(jobs.find((j) => j.name === 'quick')?.paramsSchema?.additionalProperties).not.toBe(false);
  });
});

describe('POST /enqueue', () => {
  it('answers 201 with a QUEUED run, defaults merged under the params', async () => {
    const res = await t.api(
      'POST',
      '/enqueue',
      { jobName: 'validated', params: { userId: 8 } },
      { 'x-triggered-by': 'admin@example.com' },
    );
    expect(res.status).toBe(201);
    const { run } = RunResponse.parse(res.body);
    expect(run).toMatchObject({
      status: 'QUEUED',
      trigger: 'MANUAL',
      triggeredBy: 'admin@example.com',
      params: { batchSize: 10, userId: 8 },
      attempt: 1,
      retryOf: null,
      version: 1,
    });
  });

  it('answers 400 with field and retryable:true for params breaking a rule', async () => {
    const res = await t.api('POST', '/enqueue', { jobName: 'validated', params: { batchSize: 0 } });
    expect(res.status).toBe(400);
    expectApiError(res.body, { error: 'Invalid parameters', field: 'parameters.batchSize', retryable: true });
    expect(res.body.details).toContain('batchSize must be > 0');
  });

  it('answers 400 naming an unknown param, with a hint when a known one is close; a job may opt in', async () => {
    const bogus = await t.api('POST', '/enqueue', {
      jobName: 'validated',
      params: { batchSize: 100, bogusParam: 1 },
    });
    expect(bogus.status).toBe(400);
    const error = expectApiError(bogus.body, {
      error: 'Invalid parameters',
      field: 'parameters.bogusParam',
      retryable: true,
    });
    expect(error.details).toContain('Unknown parameter "bogusParam"');
    expect(error.details).not.toContain('did you mean');
    const typo = await t.api('POST', '/enqueue', { jobName: 'validated', params: { userid: 8 } });
    expect(typo.status).toBe(400);
    expectApiError(typo.body, { field: 'parameters.userid' });
    expect(typo.body.details).toContain('did you mean "userId"?');
    const bulk = await t.api('POST', '/bulk/enqueue', {
      items: [{ jobName: 'validated', params: { batchSzie: 5 } }],
    });
    expect(bulk.body.results[0].error).toContain('did you mean "batchSize"?');
    const open = await t.api('POST', '/enqueue', {
      jobName: 'open-params',
      params: { tenant: 'a', extra: 1 },
    });
    expect(open.status).toBe(201);
    expect((await t.waitForStatus(open.body.run.id, 'SUCCESS')).metadata).toEqual({ keys: 'extra,tenant' });
  });

  it('answers 400 for params that are not a JSON object, and for prototype keys', async () => {
    const arr = await t.api('POST', '/enqueue', { jobName: 'validated', params: [1, 2] });
    expect(arr.status).toBe(400);
    expectApiError(arr.body, { field: 'parameters', retryable: true });
    const proto = await t.api(
      'POST',
      '/enqueue',
      '{"jobName":"validated","params":{"__proto__":{"admin":true}}}',
    );
    expect(proto.status).toBe(400);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers 400 for a missing job name and for malformed JSON', async () => {
    const missing = await t.api('POST', '/enqueue', { params: {} });
    expect(missing.status).toBe(400);
    expectApiError(missing.body, { field: 'jobName', retryable: true });
    const malformed = await t.api('POST', '/enqueue', '{"jobName": "quick", ');
    expect(malformed.status).toBe(400);
    expectApiError(malformed.body, { error: 'Malformed JSON', retryable: true });
  });

  it('answers 404 for an unknown job', async () => {
    const res = await t.api('POST', '/enqueue', { jobName: 'no-such-job', params: {} });
    expect(res.status).toBe(404);
    expectApiError(res.body, { error: 'Unknown job', field: 'jobName', retryable: false });
  });

  it('answers 413 for a body over the limit, declared or not, before parsing it', async () => {
    const big = JSON.stringify({
      jobName: 'quick',
      params: { blob: 'x'.repeat(LIMITS.requestBodyBytes + 10_000) },
    });
    const declared = await t.api('POST', '/enqueue', big);
    expect(declared.status).toBe(413);
    expectApiError(declared.body, { error: 'Payload too large' });
    // Invalid JSON past the limit still answers 413: it was never parsed.
    const notJson = await t.api('POST', '/enqueue', `{${'x'.repeat(LIMITS.requestBodyBytes + 10_000)}`);
    expect(notJson.status).toBe(413);
    // Chunked, with no Content-Length: counted while read.
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(10_000)));
        controller.close();
      },
    });
    const chunked = await fetch(`${t.server.url}${API_BASE}/enqueue`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('returns the same run for a retried request with the same Idempotency-Key', async () => {
    const first = await t.api(
      'POST',
      '/enqueue',
      { jobName: 'quick', params: { n: 1 } },
      { 'idempotency-key': 'abc-1' },
    );
    const second = await t.api(
      'POST',
      '/enqueue',
      { jobName: 'quick', params: { n: 1 } },
      { 'idempotency-key': 'abc-1' },
    );
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.run.id).toBe(first.body.run.id);
    expect(second.headers.get('idempotency-replayed')).toBe('true');
    const inBody = await t.api('POST', '/enqueue', {
      jobName: 'quick',
      params: { n: 1 },
      idempotencyKey: 'abc-1',
    });
    expect(inBody.body.run.id).toBe(first.body.run.id);
    const conflict = await t.api(
      'POST',
      '/enqueue',
      { jobName: 'quick', params: { n: 2 } },
      { 'idempotency-key': 'abc-1' },
    );
    expect(conflict.status).toBe(409);
    expectApiError(conflict.body, { error: 'Idempotency key reused', retryable: false });
  });
});

describe('GET /history', () => {
  it('pages newest first with total, filters by job and status, and follows cursors', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await t.enqueue('quick', { n: i, ms: 0 })).id);
    for (const id of ids) await t.waitForStatus(id, 'SUCCESS');
    const first = await t.api('GET', '/history?jobName=quick&status=SUCCESS&pageSize=2');
    expect(first.status).toBe(200);
    const page1 = HistoryResponse.parse(first.body);
    expect(page1.runs.map((r) => r.id)).toEqual([ids[4], ids[3]]);
    expect(page1.total).toBeGreaterThanOrEqual(5);
    const second = HistoryResponse.parse(
      (
        await t.api(
          'GET',
          `/history?jobName=quick&status=SUCCESS&pageSize=2&page=2&cursor=${page1.nextCursor}`,
        )
      ).body,
    );
    expect(second.runs.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    const back = (
      await t.api('GET', `/history?jobName=quick&status=SUCCESS&pageSize=2&cursor=${first.body.nextCursor}`)
    ).body;
    const prev = (
      await t.api('GET', `/history?jobName=quick&status=SUCCESS&pageSize=2&cursor=${back.prevCursor}`)
    ).body;
    expect(prev.runs.map((r: { id: string }) => r.id)).toEqual([ids[4], ids[3]]);
    const byPage = HistoryResponse.parse(
      (await t.api('GET', '/history?jobName=quick&status=SUCCESS&pageSize=2&page=2')).body,
    );
    expect(byPage.runs.map((r) => r.id)).toEqual([ids[2], ids[1]]);
  });

  it('clamps numbers and refuses what is not a number', async () => {
    const clamped = await t.api('GET', '/history?pageSize=100000&page=-4');
    expect(clamped.status).toBe(200);
    expect(clamped.body).toMatchObject({ page: 1, pageSize: LIMITS.historyPageSizeMax });
    const bad = await t.api('GET', '/history?pageSize=abc');
    expect(bad.status).toBe(400);
    expectApiError(bad.body, { field: 'pageSize', retryable: true });
    const status = await t.api('GET', '/history?status=DONE');
    expect(status.status).toBe(400);
    const cursor = await t.api('GET', '/history?cursor=not-ours');
    expect(cursor.status).toBe(400);
    expectApiError(cursor.body, { field: 'cursor' });
  });

  it('searches by run id, error text and params qualifiers', async () => {
    const mine = await t.enqueue('validated', { userId: 8128 });
    await t.enqueue('validated', { userId: 9 });
    const failed = await t.enqueue('boom');
    await t.waitForStatus(failed.id, 'FAILED');
    const byParam = (await t.api('GET', '/history?q=params.userId:8128')).body;
    expect(byParam.runs.map((r: { id: string }) => r.id)).toEqual([mine.id]);
    expect((await t.api('GET', `/history?q=%23${mine.id}`)).body.runs[0].id).toBe(mine.id);
    const byError = (await t.api('GET', '/history?q=database%20went')).body;
    expect(byError.runs.map((r: { id: string }) => r.id)).toContain(failed.id);
    expect(byError.runs.every((r: { status: string }) => r.status === 'FAILED')).toBe(true);
    const byMetadata = (await t.api('GET', '/history?q=metadata.done:true&jobName=validated')).body;
    await t.waitForStatus(mine.id, 'SUCCESS');
    expect(byMetadata.total).toBeGreaterThanOrEqual(0);
    const after = (await t.api('GET', '/history?q=metadata.done:true&jobName=validated')).body;
    expect(after.runs.map((r: { id: string }) => r.id)).toContain(mine.id);
  });
});

describe('GET /active, /stats, /:id, /:id/logs, /:id/raw', () => {
  it('lists active runs with asOfSeq, and counts them in stats', async () => {
    const run = await t.enqueue('waits', { ms: 10_000 });
    await t.waitForStatus(run.id, 'RUNNING');
    const active = ActiveResponse.parse((await t.api('GET', '/active')).body);
    expect(active.runs.map((r) => r.id)).toContain(run.id);
    expect(active.asOfSeq).toBeGreaterThan(0);
    const stats = JobStats.parse((await t.api('GET', '/stats')).body);
    expect(stats.active).toBeGreaterThanOrEqual(1);
    expect(stats.last24h.total).toBe(stats.last24h.success + stats.last24h.failed + stats.last24h.cancelled);
    await t.api('POST', `/${run.id}/cancel`);
    await t.waitForStatus(run.id, 'CANCELLED');
  });

  it('returns details, 404 for an unknown or malformed id', async () => {
    const run = await t.enqueue('quick');
    const details = RunDetailsResponse.parse((await t.api('GET', `/${run.id}`)).body);
    expect(details.run.id).toBe(run.id);
    for (const id of ['999999', 'abc', '1e5']) {
      const res = await t.api('GET', `/${id}`);
      expect(res.status).toBe(404);
      expectApiError(res.body, { error: 'Run not found', retryable: false });
    }
    expect((await t.api('GET', '/999999/logs')).status).toBe(404);
    expect((await t.api('POST', '/999999/cancel')).status).toBe(404);
    expect((await t.api('POST', '/999999/retry')).status).toBe(404);
  });

  it('returns log lines after a seq, clamped', async () => {
    const run = await t.enqueue('chatty', { updates: 1, everyMs: 0, lines: 5 });
    await t.waitForStatus(run.id, 'SUCCESS');
    const all = LogsResponse.parse((await t.api('GET', `/${run.id}/logs`)).body);
    expect(all.lines.map((l) => l.message)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
    const page = LogsResponse.parse((await t.api('GET', `/${run.id}/logs?after=2&limit=2`)).body);
    expect(page.lines.map((l) => l.seq)).toEqual([3, 4]);
    expect(page.nextAfter).toBe(4);
    expect((await t.api('GET', `/${run.id}/logs?limit=999999`)).status).toBe(200);
    expect((await t.api('GET', `/${run.id}/logs?after=x`)).status).toBe(400);
  });

  it('leaves large params out of summaries and serves them whole from raw', async () => {
    const blob = 'y'.repeat(300_000 - 100);
    const huge = await t.api('POST', '/enqueue', { jobName: 'quick', params: { blob } });
    expect(huge.status).toBe(413);
    const big = await t.enqueue('quick', { blob: 'z'.repeat(5000) });
    const listed = (await t.api('POST', '/enqueue', { jobName: 'quick', params: { blob: 'z'.repeat(5000) } }))
      .body.run;
    expect(listed.params).toBeNull();
    expect(listed.paramsTruncated).toBe(true);
    const details = (await t.api('GET', `/${big.id}`)).body.run;
    expect(details.params.blob).toHaveLength(5000);
    const raw = await fetch(`${t.server.url}${API_BASE}/${big.id}/raw/params`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(raw.headers.get('content-disposition')).toContain('attachment');
    expect((await raw.json()).blob).toHaveLength(5000);
    expect((await t.api('GET', `/${big.id}/raw/secrets`)).status).toBe(404);
  });
});

describe('errors in summaries', () => {
  it("keeps a failed run's error within 1 kB in history, active lists and events, flagged; details have it whole", async () => {
    const run = await t.enqueue('long-stack');
    await t.waitForStatus(run.id, 'FAILED');
    const details = RunDetailsResponse.parse((await t.api('GET', `/${run.id}`)).body).run;
    expect(details.error!.stack!.length).toBeGreaterThan(16_000);
    expect(details.error!.truncated).toBeUndefined();
    const listed = HistoryResponse.parse((await t.api('GET', `/history?q=%23${run.id}`)).body).runs[0]!;
    const size = new TextEncoder().encode(listed.error!.message + (listed.error!.stack ?? '')).length;
    expect(size).toBeLessThanOrEqual(LIMITS.summaryErrorBytes);
    expect(listed.error).toMatchObject({ message: details.error!.message, truncated: true });
    expect(details.error!.stack!.startsWith(listed.error!.stack!)).toBe(true);
    const page = HistoryResponse.parse((await t.api('GET', '/history?jobName=long-stack')).body).runs[0]!;
    expect(page.error).toEqual(listed.error);
  });
});

describe('cancel, retry, bulk, cleanup-stalled', () => {
  it('cancels a queued run at once (202), idempotently, and answers 409 with the run once finished', async () => {
    const done = await t.enqueue('quick');
    await t.waitForStatus(done.id, 'SUCCESS');
    const late = await t.api('POST', `/${done.id}/cancel`);
    expect(late.status).toBe(409);
    expectApiError(late.body, { error: 'Run already finished', retryable: false });
    expect(late.body.run).toMatchObject({ id: done.id, status: 'SUCCESS' });
  });

  it('retries a finished run as a new run with the same params', async () => {
    const failed = await t.enqueue('boom');
    await t.waitForStatus(failed.id, 'FAILED');
    const res = await t.api('POST', `/${failed.id}/retry`, undefined, {
      'x-triggered-by': 'ops@example.com',
    });
    expect(res.status).toBe(201);
    expect(RunResponse.parse(res.body).run).toMatchObject({
      trigger: 'RETRY',
      retryOf: failed.id,
      attempt: 2,
      triggeredBy: 'ops@example.com',
      params: failed.params,
    });
    const running = await t.enqueue('waits');
    const notYet = await t.api('POST', `/${running.id}/retry`);
    expect(notYet.status).toBe(409);
    await t.api('POST', `/${running.id}/cancel`);
  });

  it('answers 409 with the retry under way for a second retry of the same run, even at once', async () => {
    const original = await t.enqueue('waits', { ms: 10_000 });
    await t.waitForStatus(original.id, 'RUNNING');
    await t.api('POST', `/${original.id}/cancel`);
    await t.waitForStatus(original.id, 'CANCELLED');
    const [a, b] = await Promise.all([
      t.api('POST', `/${original.id}/retry`),
      t.api('POST', `/${original.id}/retry`),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const [created, refused] = a.status === 201 ? [a, b] : [b, a];
    expect(RunConflictError.parse(refused.body)).toMatchObject({
      error: 'Retry already under way',
      retryable: false,
    });
    expect(refused.body.run).toMatchObject({ id: created.body.run.id, retryOf: original.id });
    const third = await t.api('POST', `/${original.id}/retry`);
    expect(third.status).toBe(409);
    expect(third.body.run.id).toBe(created.body.run.id);
    // Once that retry has finished, the run can be retried again.
    await t.api('POST', `/${created.body.run.id}/cancel`);
    await t.waitForStatus(created.body.run.id, 'CANCELLED');
    const again = await t.api('POST', `/${original.id}/retry`);
    expect(again.status).toBe(201);
    expect(again.body.run.id).not.toBe(created.body.run.id);
    await t.api('POST', `/${again.body.run.id}/cancel`);
  });

  it('bulk-enqueues and bulk-cancels by ids and by filter', async () => {
    const enq = BulkEnqueueResponse.parse(
      (
        await t.api('POST', '/bulk/enqueue', {
          items: [
            { jobName: 'waits', params: { ms: 10_000 } },
            { jobName: 'waits', params: { ms: 10_000 } },
            { jobName: 'nope', params: {} },
            { jobName: 'validated', params: { batchSize: -1 } },
          ],
        })
      ).body,
    );
    expect(enq.results.map((r) => r.ok)).toEqual([true, true, false, false]);
    expect(enq.results[3]!.error).toContain('batchSize must be > 0');
    const [a, b] = enq.results.slice(0, 2).map((r) => r.run!.id);
    const byIds = BulkCancelResponse.parse(
      (await t.api('POST', '/bulk/cancel', { ids: [a, '999999'] })).body,
    );
    expect(byIds.results).toEqual([
      { id: a, ok: true },
      expect.objectContaining({ id: '999999', ok: false }),
    ]);
    const byFilter = BulkCancelResponse.parse(
      (await t.api('POST', '/bulk/cancel', { filter: { jobName: 'waits' } })).body,
    );
    expect(byFilter.results.map((r) => r.id)).toContain(b);
    await t.waitForStatus(b!, 'CANCELLED');
    const bad = await t.api('POST', '/bulk/cancel', { ids: [] });
    expect(bad.status).toBe(400);
    const tooMany = await t.api('POST', '/bulk/enqueue', {
      items: Array.from({ length: LIMITS.bulkMaxItems + 1 }, () => ({ jobName: 'quick' })),
    });
    expect(tooMany.status).toBe(400);
  });

  it('previews with dryRun and then cleans stalled runs', async () => {
    const s = await startTestServer({ heartbeatMs: 60_000, stalledAfterMs: 150 });
    try {
      const run = await s.enqueue('waits', { ms: 10_000 });
      await s.waitForStatus(run.id, 'RUNNING');
      await new Promise((r) => setTimeout(r, 250));
      const preview = CleanupStalledResponse.parse((await s.api('POST', '/cleanup-stalled?dryRun')).body);
      expect(preview.cleaned.map((r) => r.id)).toEqual([run.id]);
      expect((await s.api('GET', `/${run.id}`)).body.run.status).toBe('RUNNING');
      const cleaned = CleanupStalledResponse.parse((await s.api('POST', '/cleanup-stalled')).body);
      expect(cleaned.cleaned[0]).toMatchObject({ id: run.id, status: 'FAILED' });
      expect(cleaned.cleaned[0]!.error?.message).toMatch(/^stalled: no heartbeat since /);
      expect((await s.api('POST', '/cleanup-stalled')).body.cleaned).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

describe('structured logs', () => {
  it('logs every transition and every action with who, what and the run id', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const capture = (level: string) => (fields: Record<string, unknown>, msg: string) =>
      lines.push({ level, msg, ...fields });
    const s = await startTestServer({
      logger: {
        debug: capture('debug'),
        info: capture('info'),
        warn: capture('warn'),
        error: capture('error'),
      },
    });
    try {
      const who = { 'x-triggered-by': 'admin@example.com' };
      const run = (await s.api('POST', '/enqueue', { jobName: 'quick' }, who)).body.run;
      await s.waitForStatus(run.id, 'SUCCESS');
      await s.api('POST', `/${run.id}/cancel`, undefined, who);
      expect(lines).toContainEqual(
        expect.objectContaining({
          event: 'job_queued',
          runId: run.id,
          jobName: 'quick',
          actor: 'admin@example.com',
          seq: expect.any(Number),
        }),
      );
      expect(lines).toContainEqual(
        expect.objectContaining({ event: 'job_completed', runId: run.id, status: 'SUCCESS' }),
      );
      expect(lines).toContainEqual(
        expect.objectContaining({
          event: 'action',
          method: 'POST',
          path: `${API_BASE}/${run.id}/cancel`,
          status: 409,
          actor: 'admin@example.com',
        }),
      );
    } finally {
      await s.close();
    }
  });
});

describe('malformed URLs', () => {
  it('answers 400 ApiError (never 500) for a malformed percent-encoding in the path or the query', async () => {
    for (const route of ['/%E0%A4%A', '/12/logs%', '/%zz/cancel', '/history?q=%E0%A4%A', '/history?%ZZ=1']) {
      const method = route.endsWith('/cancel') ? 'POST' : 'GET';
      const res = await t.api(method, route);
      expect(res.status, route).toBe(400);
      expectApiError(res.body, { error: 'Bad request', retryable: true });
    }
    const query = await t.api('GET', '/history?q=%E0%A4%A');
    expect(query.body.field).toBe('q');
    // Well-formed encodings still reach their route.
    expect((await t.api('GET', '/%68istory')).status).toBe(200);
  });
});
