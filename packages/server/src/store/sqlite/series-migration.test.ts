import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { importFinishedRuns } from './bulk-import.js';
import { SqliteJobStore } from './store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'jobs-series-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('an older database gets the per-job counters filled from the runs of the days they keep', async () => {
  const file = path.join(dir, 'upgrade.db');
  const now = Date.now();
  let store = new SqliteJobStore(file);
  for (const [status, agoMs] of [
    ['SUCCESS', 60_000],
    ['FAILED', 3 * 3_600_000],
    ['SUCCESS', 10 * 24 * 3_600_000],
  ] as const) {
    const { run } = await store.insertRun(
      { jobName: 'upgrade', params: {}, trigger: 'MANUAL', triggeredBy: null },
      new Date(now - agoMs - 2000),
    );
    await store.startRun(run.id, new Date(now - agoMs - 1000));
    await store.finishRun(run.id, { status }, new Date(now - agoMs));
  }
  await store.close();
  // back to the schema before the per-job counters
  const raw = new Database(file);
  raw.exec('DROP TABLE finished_counts');
  raw.pragma('user_version = 1');
  raw.close();

  store = new SqliteJobStore(file);
  const week = await store.statsSeries('7d', null, new Date(now));
  expect(week.totals).toMatchObject({ success: 1, failed: 1, total: 2 });
  expect(week.totals.p50Ms).toBeGreaterThanOrEqual(1000);
  await store.close();
});

it('the bulk import counts what it imports per job and duration', async () => {
  const file = path.join(dir, 'import.db');
  const now = Date.now();
  importFinishedRuns(
    file,
    Array.from({ length: 10 }, (_, i) => ({
      jobName: i % 2 ? 'odd' : 'even',
      status: 'SUCCESS' as const,
      trigger: 'MANUAL' as const,
      triggeredBy: null,
      params: {},
      queuedAt: now - 5000,
      startedAt: now - 4000,
      finishedAt: now - 4000 + 250 * (i + 1),
    })),
  );
  const store = new SqliteJobStore(file);
  const hour = await store.statsSeries('1h', null, new Date(now));
  expect(hour.byJob.map((j) => [j.jobName, j.success])).toEqual([
    ['even', 5],
    ['odd', 5],
  ]);
  expect(hour.totals.p95Ms).toBeGreaterThanOrEqual(2500);
  await store.close();
});
