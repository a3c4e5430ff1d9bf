import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { defineJob, type JobDefinitionInput } from '../jobs/define.js';
import { JobRegistry } from '../jobs/registry.js';
import { silentLogger } from '../logger.js';
import { StoreUnavailableError } from '../store/errors.js';
import { SqliteJobStore } from '../store/sqlite/store.js';
import { JobEvents } from './events.js';
import { Runner } from './runner.js';

const dir = mkdtempSync(path.join(tmpdir(), 'jobs-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `job` once on a real Runner over `store`, then closes both; resolves with the stored run. */
async function runOnce(store: SqliteJobStore, job: JobDefinitionInput, progressIntervalMs: number) {
  const runner = new Runner(store, new JobRegistry([job]), new JobEvents(silentLogger), silentLogger, {
    heartbeatMs: 1000,
    cancelGraceMs: 100,
    shutdownGraceMs: 100,
    progressIntervalMs,
  });
  const { run } = await store.insertRun(
    { jobName: job.name, params: {}, trigger: 'MANUAL', triggeredBy: null },
    new Date(),
  );
  await runner.execute(run.id);
  const stored = await store.getRun(run.id);
  await runner.close();
  await store.close();
  return stored;
}

it('a progress write the store refuses is skipped: no unhandled rejection, the run still ends', async () => {
  const store = new SqliteJobStore(path.join(dir, 'refused.db'));
  // every progress write fails as a busy PostgreSQL pool does ("timeout exceeded when trying to connect")
  store.updateProgress = async () => {
    throw new StoreUnavailableError('unreachable', 'PostgreSQL is unavailable (timeout)', 1);
  };
  const job = defineJob({
    name: 'reports',
    description: 'reports progress',
    examples: ['{}'],
    async run(ctx) {
      for (let i = 1; i <= 3; i++) {
        ctx.progress({ current: i });
        await ctx.sleep(30);
      }
      return { ok: true };
    },
  });
  expect((await runOnce(store, job, 10))?.status).toBe('SUCCESS');
});

it("a run's end waits for its last progress write already on its way: the finished run keeps 100%", async () => {
  const store = new SqliteJobStore(path.join(dir, 'slow.db'));
  // A slow progress write, as a busy PostgreSQL batch is: a write that lands after the run's end
  // finds it no longer RUNNING and is dropped.
  const write = store.updateProgress.bind(store);
  store.updateProgress = async (id, progress, at) => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    return write(id, progress, at);
  };
  const job = defineJob({
    name: 'reports',
    description: 'reports 100% as its last act, after the progress interval has passed',
    examples: ['{}'],
    async run(ctx) {
      ctx.progress({ percent: 50 });
      await ctx.sleep(300); // past the interval: the next value goes out at once
      ctx.progress({ percent: 100 });
      return { ok: true };
    },
  });
  expect(await runOnce(store, job, 100)).toMatchObject({ status: 'SUCCESS', progress: { percent: 100 } });
});
