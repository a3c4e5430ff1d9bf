import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { defineJob } from '../jobs/define.js';
import { JobRegistry } from '../jobs/registry.js';
import { silentLogger } from '../logger.js';
import { SqliteJobStore } from '../store/sqlite/store.js';
import { JobEvents } from './events.js';
import { Runner } from './runner.js';

const dir = mkdtempSync(path.join(tmpdir(), 'jobs-progress-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("a run's end waits for its last progress write already on its way: the finished run keeps 100%", async () => {
  const store = new SqliteJobStore(path.join(dir, 'jobs.db'));
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
  const runner = new Runner(store, new JobRegistry([job]), new JobEvents(silentLogger), silentLogger, {
    heartbeatMs: 1000,
    cancelGraceMs: 100,
    shutdownGraceMs: 100,
    progressIntervalMs: 100,
  });
  const { run } = await store.insertRun(
    { jobName: 'reports', params: {}, trigger: 'MANUAL', triggeredBy: null },
    new Date(),
  );
  await runner.execute(run.id);
  expect(await store.getRun(run.id)).toMatchObject({ status: 'SUCCESS', progress: { percent: 100 } });
  await runner.close();
  await store.close();
});
