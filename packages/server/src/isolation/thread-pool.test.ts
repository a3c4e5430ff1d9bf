import { JobRun } from '@jobs/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, record, startTestServer, type TestServer, waitFor } from '../testing/server.js';

const JOBS_MODULE = new URL('../testing/thread-jobs.ts', import.meta.url).href;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({
    jobs: undefined,
    jobsModule: JOBS_MODULE,
    demoJobs: false,
    cancelGraceMs: 300,
  });
});
afterAll(async () => {
  await t.close();
});

const get = async (id: string): Promise<JobRun> => JobRun.parse((await t.api('GET', `/${id}`)).body.run);

describe('job code in worker threads', () => {
  it('answers /healthz and delivers other runs’ events while a job spins the CPU for 5 s', async () => {
    const socket = t.socket();
    const seen = record(socket);
    await connected(socket);
    const spin = await t.enqueue('spin', { ms: 5000 });
    const ticker = await t.enqueue('ticker', { ticks: 40, everyMs: 50 });
    await t.waitForStatus(spin.id, 'RUNNING');
    await t.waitForStatus(ticker.id, 'RUNNING');
    const tickerProgress = () =>
      seen.filter((e) => e.name.endsWith('job_progress') && e.event.data.jobRunId === ticker.id);
    const before = tickerProgress().length;

    // While the spin job holds its thread, the server's own loop keeps answering.
    const answers: number[] = [];
    while ((await get(spin.id)).status === 'RUNNING') {
      const started = performance.now();
      const res = await fetch(`${t.server.url}/healthz`);
      expect(res.status).toBe(200);
      answers.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(answers.length).toBeGreaterThanOrEqual(10); // asked again and again during the spin
    // Held by the job, the loop would answer once, after the 5 s spin. The bound leaves room for a
    // busy shared machine (answers take a few ms when quiet) and is still far below the spin.
    expect(Math.max(...answers)).toBeLessThan(1000);
    // The other run's progress kept arriving while the spin ran.
    expect(tickerProgress().length - before).toBeGreaterThanOrEqual(5);
    await t.waitForStatus(ticker.id, 'SUCCESS', 10_000);
    expect((await get(ticker.id)).metadata).toEqual({ ticks: 40, thread: 'worker' });
    expect((await t.waitForStatus(spin.id, 'SUCCESS', 10_000)).metadata).toEqual({ loops: true });
  }, 30_000);

  it('fails only the run whose thread crashed, with a clear error, and keeps serving runs', async () => {
    const neighbour = await t.enqueue('ticker', { ticks: 10, everyMs: 50 });
    const crash = await t.enqueue('crash');
    const done = await t.waitForStatus(crash.id, 'FAILED', 10_000);
    expect(done.error).toMatchObject({ code: 'WORKER_CRASHED' });
    expect(done.error?.message).toMatch(/worker thread running this job crashed: uncaught in the job thread/);
    expect(await t.waitForStatus(neighbour.id, 'SUCCESS', 10_000)).toMatchObject({ status: 'SUCCESS' });
    // a fresh thread takes the next run
    const after = await t.enqueue('ticker', { ticks: 2, everyMs: 10 });
    expect((await t.waitForStatus(after.id, 'SUCCESS', 10_000)).metadata).toEqual({
      ticks: 2,
      thread: 'worker',
    });
  }, 30_000);

  it('fails a run whose job exits its thread', async () => {
    const done = await t.waitForStatus((await t.enqueue('exits')).id, 'FAILED', 10_000);
    expect(done.error).toMatchObject({ code: 'WORKER_CRASHED' });
    expect(done.error?.message).toMatch(/exit code 3/);
  });

  it('keeps what a job throws: message, code and stack', async () => {
    const done = await t.waitForStatus((await t.enqueue('fails')).id, 'FAILED', 10_000);
    expect(done.error).toMatchObject({ message: 'kaput in a thread', code: 'E_THREAD' });
    expect(done.error?.stack).toContain('thread-jobs.ts');
  });

  it('bridges cancel to the thread: the job’s signal fires and the run ends CANCELLED', async () => {
    const run = await t.enqueue('sleepy', { ms: 10_000 });
    await t.waitForStatus(run.id, 'RUNNING', 10_000);
    expect((await t.api('POST', `/${run.id}/cancel`)).status).toBe(202);
    const done = await t.waitForStatus(run.id, 'CANCELLED', 2000);
    expect(done.metadata).toBeNull();
  });

  it('gives up on a job stuck in a loop past its timeout and stops its thread', async () => {
    const run = await t.enqueue('stuck');
    const done = await t.waitForStatus(run.id, 'FAILED', 10_000);
    expect(done.error?.code).toBe('TIMEOUT');
    expect(done.error?.message).toMatch(/grace period/);
    // the core is free again: a following run completes long before the stuck loop would have ended
    const next = await t.enqueue('ticker', { ticks: 2, everyMs: 10 });
    await waitFor(async () => (await get(next.id)).status === 'SUCCESS', 10_000);
  }, 30_000);
});
