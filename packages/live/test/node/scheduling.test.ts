import { describe, expect, it } from 'vitest';
import { createFallbackPolling } from '../../src/client/fallbackPolling.js';
import { createFrameScheduler } from '../../src/client/frameScheduler.js';
import { createBackoff } from '../../src/index.js';

describe('frame scheduler', () => {
  it('coalesces any number of requests into one flush per frame', () => {
    const frames: (() => void)[] = [];
    let flushes = 0;
    const scheduler = createFrameScheduler(
      () => {
        flushes += 1;
      },
      (run) => {
        frames.push(run);
        return () => frames.splice(frames.indexOf(run), 1);
      },
    );
    for (let i = 0; i < 1000; i += 1) scheduler.schedule();
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(flushes).toBe(1);
    scheduler.schedule();
    scheduler.flushNow();
    expect(flushes).toBe(2);
    expect(frames).toHaveLength(0); // flushNow cancelled the pending frame
  });
});

describe('reconnect backoff', () => {
  it('grows exponentially to the cap, jittered within the spread', () => {
    const low = createBackoff({ baseMs: 500, maxMs: 30_000, factor: 2, jitter: 0.5, random: () => 0 });
    const high = createBackoff({
      baseMs: 500,
      maxMs: 30_000,
      factor: 2,
      jitter: 0.5,
      random: () => 0.999999,
    });
    expect([1, 2, 3, 4].map(high)).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map(low)).toEqual([250, 500, 1000, 2000]);
    expect(high(20)).toBe(30_000);
    expect(low(20)).toBe(15_000);
    const real = createBackoff({ baseMs: 500, maxMs: 30_000, factor: 2, jitter: 0.5 });
    const samples = new Set(Array.from({ length: 20 }, () => real(3)));
    expect(samples.size).toBeGreaterThan(1); // browsers do not reconnect in lockstep
  });
});

describe('fallback polling', () => {
  it('waits for the outage to last, backs off from 5 s to 30 s, and stops when the socket is back', async () => {
    const polls: number[] = [];
    const start = Date.now();
    const polling = createFallbackPolling({
      afterMs: 40,
      firstMs: 20,
      maxMs: 45,
      poll: () => polls.push(Date.now() - start),
    });
    polling.update(null, Date.now());
    await new Promise((r) => setTimeout(r, 60));
    expect(polls).toEqual([]); // never while healthy
    polling.update(Date.now(), Date.now());
    await new Promise((r) => setTimeout(r, 30));
    expect(polls).toEqual([]); // not before `afterMs`
    await new Promise((r) => setTimeout(r, 200));
    const gaps = polls.slice(1).map((t, i) => t - (polls[i] as number));
    expect(polls.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...gaps)).toBeLessThan(45 + 25);
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(gaps[0] as number);
    polling.update(null, Date.now());
    const stopped = polls.length;
    await new Promise((r) => setTimeout(r, 120));
    expect(polls).toHaveLength(stopped);
  });
});
