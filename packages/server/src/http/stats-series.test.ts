import { ApiError, JobStats, StatsSeries } from '@jobs/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.js';

/**
 * GET /stats/series on both stores (the postgres project runs this file again on PostgreSQL).
 * Runs of a name no definition serves are written straight into the store at chosen times, so the
 * buckets they land in are known; the runner never touches them.
 */
let t: TestServer;
const MIN = 60_000;
const start = Date.now();

/** A run of `job` that started `durationMs` before `finishedAt` and ended `status` then. */
async function finished(
  job: string,
  status: 'SUCCESS' | 'FAILED' | 'CANCELLED',
  finishedAt: number,
  durationMs: number | null,
): Promise<void> {
  const store = t.server.store;
  const begin = new Date(finishedAt - (durationMs ?? 0) - 1000);
  const { run } = await store.insertRun(
    { jobName: job, params: {}, trigger: 'MANUAL', triggeredBy: null },
    begin,
  );
  if (durationMs === null) {
    await store.finishRun(run.id, { status, from: ['QUEUED'] }, new Date(finishedAt));
    return;
  }
  await store.startRun(run.id, new Date(finishedAt - durationMs));
  await store.finishRun(run.id, { status }, new Date(finishedAt));
}

async function series(query: string): Promise<StatsSeries> {
  const res = await t.api('GET', `/stats/series${query}`);
  expect(res.status).toBe(200);
  return StatsSeries.parse(res.body);
}

const pointOf = (s: StatsSeries, at: number) =>
  s.points.find((p) => Date.parse(p.at) <= at && at < Date.parse(p.at) + s.bucketMinutes * MIN);

beforeAll(async () => {
  t = await startTestServer();
  await finished('series-a', 'SUCCESS', start - 20 * MIN, 100);
  await finished('series-a', 'SUCCESS', start - 20 * MIN, 1000);
  await finished('series-a', 'FAILED', start - 20 * MIN, 10_000);
  await finished('series-b', 'CANCELLED', start - 20 * MIN, null);
  await finished('series-b', 'SUCCESS', start - 3 * 60 * MIN, 1000);
  await finished('series-a', 'FAILED', start - 2 * 24 * 60 * MIN, 1000);
  await finished('series-a', 'SUCCESS', start - 9 * 24 * 60 * MIN, 1000);
});
afterAll(async () => {
  await t.close();
});

describe('GET /stats/series', () => {
  it('answers every bucket of the range, oldest first, ending with the bucket that holds now', async () => {
    for (const [range, minutes, points] of [
      ['1h', 1, 60],
      ['24h', 15, 96],
      ['7d', 60, 168],
    ] as const) {
      const s = await series(`?range=${range}`);
      expect(s).toMatchObject({ range, job: null, bucketMinutes: minutes });
      expect(s.points).toHaveLength(points);
      const at = s.points.map((p) => Date.parse(p.at));
      for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBe(minutes * MIN);
      expect(Date.parse(s.from)).toBe(at[0]);
      expect(Date.parse(s.to)).toBe(at[at.length - 1]! + minutes * MIN);
      expect(Date.parse(s.to)).toBeGreaterThan(start);
      expect(Date.parse(s.to) - minutes * MIN).toBeLessThanOrEqual(Date.now());
    }
  });

  it('defaults to the last 24 hours', async () => {
    expect((await series('')).range).toBe('24h');
    expect((await series('?range=')).range).toBe('24h');
  });

  it('counts each finished run once, by status, in the bucket it finished in', async () => {
    const hour = await series('?range=1h');
    expect(hour.totals).toMatchObject({ success: 2, failed: 1, cancelled: 1, total: 4 });
    expect(pointOf(hour, start - 20 * MIN)).toMatchObject({ success: 2, failed: 1, cancelled: 1 });

    const day = await series('?range=24h');
    expect(day.totals).toMatchObject({ success: 3, failed: 1, cancelled: 1, total: 5 });
    expect(pointOf(day, start - 3 * 60 * MIN)).toMatchObject({ success: 1, failed: 0, cancelled: 0 });

    // nine days ago is past the longest range
    const week = await series('?range=7d');
    expect(week.totals).toMatchObject({ success: 3, failed: 2, cancelled: 1, total: 6 });
    expect(pointOf(week, start - 2 * 24 * 60 * MIN)).toMatchObject({ failed: 1 });
    const sum = week.points.reduce((n, p) => n + p.success + p.failed + p.cancelled, 0);
    expect(sum).toBe(6);
  });

  it('splits the range by job, the busiest first, and narrows to one job', async () => {
    const day = await series('?range=24h');
    expect(day.byJob).toEqual([
      { jobName: 'series-a', success: 2, failed: 1, cancelled: 0, total: 3 },
      { jobName: 'series-b', success: 1, failed: 0, cancelled: 1, total: 2 },
    ]);
    const b = await series('?range=24h&job=series-b');
    expect(b.job).toBe('series-b');
    expect(b.totals).toMatchObject({ success: 1, failed: 0, cancelled: 1, total: 2 });
    expect(b.byJob.map((j) => j.jobName)).toEqual(['series-b']);
    const none = await series('?range=24h&job=no-such-job');
    expect(none.totals.total).toBe(0);
    expect(none.totals.p50Ms).toBeNull();
  });

  it('gives duration percentiles as histogram bounds, never below the true value', async () => {
    // 100 ms, 1 s and 10 s (the cancelled-while-queued run has no duration)
    const hour = await series('?range=1h');
    const p = pointOf(hour, start - 20 * MIN)!;
    expect(p.p50Ms).toBeGreaterThanOrEqual(1000);
    expect(p.p50Ms).toBeLessThan(1000 * 1.42);
    expect(p.p95Ms).toBeGreaterThanOrEqual(10_000);
    expect(p.p95Ms).toBeLessThan(10_000 * 1.42);
    expect(hour.totals.p50Ms).toBe(p.p50Ms);
    const cancelledOnly = await series('?range=1h&job=series-b');
    expect(cancelledOnly.totals).toMatchObject({ cancelled: 1, p50Ms: null, p95Ms: null });
  });

  it('counts runs the engine finishes', async () => {
    const before = (await series('?range=1h')).totals;
    const run = await t.enqueue('quick');
    await t.waitForStatus(run.id, 'SUCCESS');
    const after = await series('?range=1h&job=quick');
    expect(after.totals.success).toBe(1);
    expect((await series('?range=1h')).totals.total).toBe(before.total + 1);
  });

  it('answers 400 with an ApiError naming the field for an unknown range or an oversized job name', async () => {
    for (const query of ['?range=2h', '?range=24H', '?range=all', `?range=24h&job=${'x'.repeat(201)}`]) {
      const res = await t.api('GET', `/stats/series${query}`);
      expect(res.status).toBe(400);
      const body = ApiError.parse(res.body);
      expect(body.retryable).toBe(true);
      expect(['range', 'job']).toContain(body.field);
    }
  });
});

describe('GET /stats last24h', () => {
  it('counts cancelled runs beside succeeded and failed ones, and in the total', async () => {
    const stats = JobStats.parse((await t.api('GET', '/stats')).body);
    expect(stats.last24h.cancelled).toBeGreaterThanOrEqual(1);
    expect(stats.last24h.total).toBe(stats.last24h.success + stats.last24h.failed + stats.last24h.cancelled);
  });
});
