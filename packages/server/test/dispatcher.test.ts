import { describe, expect, it } from 'vitest';
import { InProcessDispatcher, type RunExecutor, silentLogger } from '../src/index.js';

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
