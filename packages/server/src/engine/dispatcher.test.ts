import { describe, expect, it } from 'vitest';
import { InProcessDispatcher, type RunExecutor, silentLogger } from '../index.js';

/** An executor whose runs end when the test says so. */
function fakeExecutor() {
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const executor: RunExecutor = {
    execute: (id) =>
      new Promise<void>((resolve) => {
        started.push(id);
        finish.set(id, resolve);
      }),
    abort: (id) => finish.get(id)?.(),
    close: async () => {},
  };
  return { executor, started, end: async (id: string) => finish.get(id)!() };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('InProcessDispatcher', () => {
  it('starts runs FIFO within the global and per-job limits; a busy job does not hold up others', async () => {
    const { executor, started, end } = fakeExecutor();
    const d = new InProcessDispatcher(
      executor,
      { global: 2, perJob: (job) => (job === 'a' ? 1 : 2) },
      silentLogger,
    );
    for (const [id, jobName] of [
      ['1', 'a'],
      ['2', 'a'],
      ['3', 'b'],
      ['4', 'b'],
      ['5', 'a'],
    ] as const)
      d.dispatch({ id, jobName });
    expect(started).toEqual(['1', '3']);
    d.withdraw('2');
    await end('1');
    await tick();
    expect(started).toEqual(['1', '3', '4']); // 2 was withdrawn; 4 is older than 5
    await end('3');
    await tick();
    expect(started).toEqual(['1', '3', '4', '5']);
    expect(d.counts()).toEqual({ running: 2, waiting: 0 });
  });

  it('dispatches 100,000 waiting runs of one job in linear time', async () => {
    const { executor, started, end } = fakeExecutor();
    const d = new InProcessDispatcher(executor, { global: 8, perJob: () => 1 }, silentLogger);
    const t0 = performance.now();
    for (let i = 0; i < 100_000; i++) d.dispatch({ id: String(i), jobName: i % 2 ? 'odd' : 'even' });
    expect(performance.now() - t0).toBeLessThan(5000); // quadratic would take minutes
    expect(started).toEqual(['0', '1']);
    await end('0');
    await tick();
    expect(started).toEqual(['0', '1', '2']);
    expect(d.counts().waiting).toBe(99_997);
  });
});

describe('Runner', () => {
  it('applies a cancel that arrives before the started run is registered (same tick as execute)', async () => {
    const { JobEvents } = await import('./events.js');
    const { Runner } = await import('./runner.js');
    const { JobRegistry, SqliteJobStore } = await import('../index.js');
    const { testJobs } = await import('../testing/jobs.js');
    const store = new SqliteJobStore(':memory:');
    const runner = new Runner(store, new JobRegistry(testJobs), new JobEvents(silentLogger), silentLogger, {
      heartbeatMs: 1000,
      cancelGraceMs: 5000,
      shutdownGraceMs: 100,
    });
    const { run } = await store.insertRun(
      { jobName: 'waits', params: { ms: 10_000 }, trigger: 'MANUAL', triggeredBy: null },
      new Date(),
    );
    const started = Date.now();
    const done = runner.execute(run.id);
    // No await in between: the start transition has committed, but execute() has not resumed yet.
    void store.requestCancel(run.id, new Date());
    runner.abort(run.id, 'cancel'); // the live run does not exist yet
    await done;
    expect(Date.now() - started).toBeLessThan(2000); // the signal fired, the job did not run 10 s
    expect(await store.getRun(run.id)).toMatchObject({ status: 'CANCELLED', error: null });
    await runner.close();
    await store.close();
  });
});
