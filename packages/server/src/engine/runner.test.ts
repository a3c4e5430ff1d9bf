import { JobRun } from '@jobs/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gates } from '../testing/jobs.js';
import { connected, record, sleep, startTestServer, type TestServer, waitFor } from '../testing/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const get = async (id: string): Promise<JobRun> => JobRun.parse((await t.api('GET', `/${id}`)).body.run);

describe('QUEUED → RUNNING → SUCCESS | FAILED', () => {
  it('succeeds with metadata, durations, progress and heartbeats', async () => {
    const run = await t.enqueue('waits', { ms: 300 });
    const running = await t.waitForStatus(run.id, 'RUNNING');
    // Heartbeats every 50 ms here: the next one moves lastHeartbeatAt while the job runs.
    await waitFor(
      async () => Date.parse((await get(run.id)).lastHeartbeatAt!) > Date.parse(running.lastHeartbeatAt!),
      3000,
    );
    const done = await t.waitForStatus(run.id, 'SUCCESS');
    expect(done).toMatchObject({ metadata: { waited: 300 }, error: null, cancelRequestedAt: null });
    expect(done.durationMs).toBeGreaterThanOrEqual(290);
    expect(done.queueDelayMs).toBeGreaterThanOrEqual(0);
    expect(done.version).toBeGreaterThan(running.version);
  });

  it('fails with message, stack and code', async () => {
    const run = await t.enqueue('boom');
    const done = await t.waitForStatus(run.id, 'FAILED');
    expect(done.error).toMatchObject({ message: 'kaput: the database went away', code: 'E_KAPUT' });
    expect(done.error?.stack).toContain('kaput');
  });

  it('fails a run whose result is not a JSON object', async () => {
    const done = await t.waitForStatus((await t.enqueue('bad-result')).id, 'FAILED');
    expect(done.error?.code).toBe('INVALID_RESULT');
  });

  it('fails a run past its timeout with a clear message', async () => {
    const done = await t.waitForStatus((await t.enqueue('slowpoke')).id, 'FAILED');
    expect(done.error).toMatchObject({ message: 'Timed out after 100 ms', code: 'TIMEOUT' });
  });

  it('fails a run that ignores its timeout once the grace period is over, discarding its result', async () => {
    const run = await t.enqueue('stubborn-timeout');
    const done = await t.waitForStatus(run.id, 'FAILED', 1400);
    expect(done.error?.code).toBe('TIMEOUT');
    expect(done.error?.message).toMatch(/grace period/);
    await sleep(1400); // the job returns { late: true } after 1.5 s
    expect(await get(run.id)).toMatchObject({ status: 'FAILED', metadata: null, version: done.version });
  });
});

describe('cancel', () => {
  it('cancels a QUEUED run at once; it never starts', async () => {
    const first = await t.enqueue('serial', { ms: 200 });
    const second = await t.enqueue('serial', { ms: 200 });
    expect((await get(second.id)).status).toBe('QUEUED');
    const res = await t.api('POST', `/${second.id}/cancel`);
    expect(res.status).toBe(202);
    expect(res.body.run).toMatchObject({ status: 'CANCELLED', startedAt: null });
    expect(res.body.run.cancelRequestedAt).not.toBeNull();
    const again = await t.api('POST', `/${second.id}/cancel`);
    expect(again.status).toBe(202);
    expect(again.body.run.version).toBe(res.body.run.version);
    await t.waitForStatus(first.id, 'SUCCESS');
    await sleep(50);
    expect(await get(second.id)).toMatchObject({ status: 'CANCELLED', startedAt: null });
  });

  it('asks a RUNNING run to stop: cancelRequestedAt, then CANCELLED when the job stops; idempotent', async () => {
    const run = await t.enqueue('waits', { ms: 10_000 });
    await t.waitForStatus(run.id, 'RUNNING');
    const res = await t.api('POST', `/${run.id}/cancel`);
    expect(res.status).toBe(202);
    expect(res.body.run.cancelRequestedAt).not.toBeNull();
    const again = await t.api('POST', `/${run.id}/cancel`);
    expect(again.status).toBe(202);
    expect(again.body.run.cancelRequestedAt).toBe(res.body.run.cancelRequestedAt);
    const done = await t.waitForStatus(run.id, 'CANCELLED');
    expect(done.error).toBeNull();
    expect((await t.api('POST', `/${run.id}/cancel`)).status).toBe(202);
  });

  it('gives up on a job that ignores the signal after the grace period and discards what it returns', async () => {
    const run = await t.enqueue('stubborn', { ms: 1200 });
    await t.waitForStatus(run.id, 'RUNNING');
    const asked = Date.now();
    await t.api('POST', `/${run.id}/cancel`);
    const done = await t.waitForStatus(run.id, 'CANCELLED', 3000);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(250);
    await sleep(1300);
    expect(await get(run.id)).toMatchObject({ status: 'CANCELLED', metadata: null, version: done.version });
    const logs = (await t.api('GET', `/${run.id}/logs`)).body.lines;
    expect(logs.at(-1).message).toMatch(/grace period/);
  });

  it('refuses to stop a running job that is not cancellable (409, with the run)', async () => {
    const run = await t.enqueue('pinned');
    await t.waitForStatus(run.id, 'RUNNING');
    const res = await t.api('POST', `/${run.id}/cancel`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'Not cancellable', retryable: false, run: { id: run.id } });
    await t.waitForStatus(run.id, 'SUCCESS');
  });

  it('cancel racing completion ends in exactly one terminal state, agreeing with the answer', async () => {
    const socket = t.socket();
    await connected(socket);
    const seen = record(socket);
    const outcomes: Array<{ id: string; answer: number; status: string }> = [];
    for (let i = 0; i < 12; i++) {
      const run = await t.enqueue('gated');
      await waitFor(() => gates.has(run.id));
      const release = gates.get(run.id)!;
      gates.delete(run.id);
      // Both in the same tick, in either order: the job's completion and the cancel interleave.
      let answer: ReturnType<typeof t.server.service.cancel>;
      if (i % 2 === 0) {
        release({ i });
        answer = t.server.service.cancel(run.id, 'racer');
      } else {
        answer = t.server.service.cancel(run.id, 'racer');
        release({ i });
      }
      // accepted (202 over HTTP) or refused as a conflict (409)
      const code = (await answer).ok ? 202 : 409;
      const done = await t.waitForStatus(run.id, ['SUCCESS', 'CANCELLED']);
      outcomes.push({ id: run.id, answer: code, status: done.status });
      expect(code === 202 ? 'CANCELLED' : 'SUCCESS').toBe(done.status);
    }
    // Through the HTTP API too, with the cancel landing around the moment the job ends.
    for (const delay of [0, 5, 10, 15, 20, 30]) {
      const run = await t.enqueue('quick', { ms: 15 });
      await t.waitForStatus(run.id, ['RUNNING', 'SUCCESS']);
      await sleep(delay);
      const res = await t.api('POST', `/${run.id}/cancel`);
      const done = await t.waitForStatus(run.id, ['SUCCESS', 'CANCELLED']);
      expect(res.status === 202 ? 'CANCELLED' : 'SUCCESS').toBe(done.status);
      outcomes.push({ id: run.id, answer: res.status, status: done.status });
    }
    await sleep(100);
    for (const { id } of outcomes) {
      const completed = seen.filter(
        (e) => e.name === 'server.admin.job_completed' && e.event.data.jobRunId === id,
      );
      expect(completed, `run ${id}`).toHaveLength(1);
    }
    expect(new Set(outcomes.map((o) => o.status)).size).toBe(2); // both ways were exercised
  });
});

describe('retry, concurrency, triggers', () => {
  it('retries as a new run (trigger RETRY, retryOf, attempt + 1) that runs', async () => {
    const failed = await t.waitForStatus((await t.enqueue('boom')).id, 'FAILED');
    const retry = (await t.api('POST', `/${failed.id}/retry`)).body.run;
    await t.waitForStatus(retry.id, 'FAILED');
    const again = (await t.api('POST', `/${retry.id}/retry`)).body.run;
    expect(again).toMatchObject({ retryOf: retry.id, attempt: 3, trigger: 'RETRY' });
    expect(await t.waitForStatus(again.id, 'FAILED')).toMatchObject({ attempt: 3 });
  });

  it('runs a job at its own concurrency, FIFO', async () => {
    const runs: JobRun[] = [];
    for (let i = 0; i < 3; i++) runs.push(await t.enqueue('serial', { ms: 60 }));
    const done: JobRun[] = [];
    for (const r of runs) done.push(await t.waitForStatus(r.id, 'SUCCESS'));
    for (let i = 1; i < done.length; i++) {
      expect(Date.parse(done[i]!.startedAt!)).toBeGreaterThanOrEqual(Date.parse(done[i - 1]!.finishedAt!));
    }
  });

  it('holds the global limit and starts the oldest waiting run when a slot frees', async () => {
    const s = await startTestServer({ concurrency: 2 });
    try {
      const runs: JobRun[] = [];
      for (let i = 0; i < 4; i++) runs.push(await s.enqueue('waits', { ms: 10_000 }));
      await s.waitForStatus(runs[1]!.id, 'RUNNING');
      await sleep(50);
      const statuses = async () =>
        Promise.all(runs.map(async (r) => (await s.api('GET', `/${r.id}`)).body.run.status));
      expect(await statuses()).toEqual(['RUNNING', 'RUNNING', 'QUEUED', 'QUEUED']);
      await s.api('POST', `/${runs[0]!.id}/cancel`);
      await s.waitForStatus(runs[2]!.id, 'RUNNING');
      expect(await statuses()).toEqual(['CANCELLED', 'RUNNING', 'RUNNING', 'QUEUED']);
    } finally {
      await s.close();
    }
  });

  it('enqueues on an event (trigger EVENT) and on a cron schedule (trigger CRON)', async () => {
    await t.server.emit('thing.happened', { x: 1 });
    const events = (await t.api('GET', '/history?jobName=listener')).body.runs;
    expect(events[0]).toMatchObject({
      trigger: 'EVENT',
      triggeredBy: 'event:thing.happened',
      params: { x: 1 },
    });
    const s = await startTestServer({ schedules: true });
    try {
      await waitFor(async () => (await s.api('GET', '/history?jobName=ticking')).body.total > 0, 3000);
      const [run] = (await s.api('GET', '/history?jobName=ticking')).body.runs;
      expect(run).toMatchObject({ trigger: 'CRON', params: { from: 'cron' } });
    } finally {
      await s.close();
    }
  });

  it('on shutdown fails running runs and keeps queued ones, which run after a restart on the same file', async () => {
    const first = await startTestServer({ concurrency: 1 }, { dir: `${t.dir}-restart`, keep: true });
    const running = await first.enqueue('waits', { ms: 10_000 });
    const queued = await first.enqueue('quick');
    await first.waitForStatus(running.id, 'RUNNING');
    await first.close();
    const second = await startTestServer({ concurrency: 1 }, { dir: `${t.dir}-restart` });
    try {
      expect((await second.api('GET', `/${running.id}`)).body.run).toMatchObject({
        status: 'FAILED',
        error: { code: 'SHUTDOWN' },
      });
      await second.waitForStatus(queued.id, 'SUCCESS');
    } finally {
      await second.close();
    }
  });
});
