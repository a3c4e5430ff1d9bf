import { afterEach, describe, expect, it } from 'vitest';
import type { JobContext } from '../jobs/define.js';
import { JobRegistry } from '../jobs/registry.js';
import { silentLogger } from '../logger.js';
import * as threadJobs from '../testing/thread-jobs.js';
import { ThreadPool } from './thread-pool.js';

const MODULE = new URL('../testing/thread-jobs.ts', import.meta.url).href;
const registry = new JobRegistry(Object.values(threadJobs));
let pool: ThreadPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

function context(runId: string, params: Record<string, unknown>, seen: number[]): JobContext {
  return {
    runId,
    jobName: 'x',
    attempt: 1,
    params,
    signal: new AbortController().signal,
    progress: (p) => seen.push(Number(p.current ?? 0)),
    log: () => {},
    sleep: async () => {},
    throwIfAborted: () => {},
  };
}

describe('a pool at its thread cap', () => {
  it('runs several runs in one shared thread, each with its own progress and result', async () => {
    pool = new ThreadPool(
      { modules: [MODULE], names: new Set(registry.all().map((j) => j.definition.name)), maxThreads: 1 },
      silentLogger,
    );
    const ticker = registry.get('ticker')!;
    const seen = [[], [], []] as number[][];
    const results = await Promise.all(
      seen.map((s, i) => pool!.invoke(ticker, context(`r${i}`, { ticks: 3 + i, everyMs: 5 }, s))),
    );
    expect(pool.size).toBe(1);
    expect(results).toEqual([3, 4, 5].map((ticks) => ({ ticks, thread: 'worker' })));
    expect(seen.map((s) => s.at(-1))).toEqual([3, 4, 5]);
  });

  it('fails every run of a shared thread that crashed, and only those', async () => {
    pool = new ThreadPool(
      { modules: [MODULE], names: new Set(registry.all().map((j) => j.definition.name)), maxThreads: 1 },
      silentLogger,
    );
    const sleepy = pool.invoke(registry.get('sleepy')!, context('s', { ms: 10_000 }, []));
    const crash = pool.invoke(registry.get('crash')!, context('c', {}, []));
    await expect(crash).rejects.toMatchObject({ code: 'WORKER_CRASHED' });
    await expect(sleepy).rejects.toMatchObject({ code: 'WORKER_CRASHED' });
    // a fresh thread serves the next run
    await expect(
      pool.invoke(registry.get('ticker')!, context('n', { ticks: 1, everyMs: 1 }, [])),
    ).resolves.toEqual({
      ticks: 1,
      thread: 'worker',
    });
  });

  it('runs a burst of instant runs, many more than its threads, without failing any', async () => {
    // Threads past the warm ones are stopped once idle; one being stopped must never be picked
    // as the least busy thread for a new run, or the run dies with it.
    pool = new ThreadPool(
      {
        modules: [MODULE],
        names: new Set(registry.all().map((j) => j.definition.name)),
        maxThreads: 6,
        warm: 1,
      },
      silentLogger,
    );
    const ticker = registry.get('ticker')!;
    // batches of runs, each right after the last ended (as a worker takes its fetched batches)
    const failed: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          pool!.invoke(ticker, context(`b${batch}.${i}`, { ticks: 0, everyMs: 1 }, [])).catch((err) => {
            failed.push(`b${batch}.${i}: ${String(err)}`);
          }),
        ),
      );
    }
    expect(failed.slice(0, 3)).toEqual([]);
  });
});
