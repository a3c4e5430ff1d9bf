import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { defineJob } from '../jobs/define.js';
import { JobRegistry } from '../jobs/registry.js';
import { silentLogger } from '../logger.js';
import { StoreUnavailableError } from '../store/errors.js';
import { SqliteJobStore } from '../store/sqlite/store.js';
import { JobEvents } from './events.js';
import { Runner } from './runner.js';

const dir = mkdtempSync(path.join(tmpdir(), 'jobs-progress-failure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a progress write the store refuses is skipped: no unhandled rejection, the run still ends', async () => {
  const store = new SqliteJobStore(path.join(dir, 'jobs.db'));
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
  const registry = new JobRegistry([job]);
  const events = new JobEvents(silentLogger);
  const runner = new Runner(store, registry, events, silentLogger, {
    heartbeatMs: 1000,
    cancelGraceMs: 100,
    shutdownGraceMs: 100,
    progressIntervalMs: 10,
  });
  const { run } = await store.insertRun(
    { jobName: 'reports', params: {}, trigger: 'MANUAL', triggeredBy: null },
    new Date(),
  );
  await runner.execute(run.id);
  expect((await store.getRun(run.id))?.status).toBe('SUCCESS');
  await runner.close();
  await store.close();
});
