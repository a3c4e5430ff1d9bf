import { afterEach, describe, expect, it, vi } from 'vitest';
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
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for the outage to last, backs off from 5 s to 30 s, and stops when the socket is back', () => {
    vi.useFakeTimers();
    const polls: number[] = [];
    const polling = createFallbackPolling({
      afterMs: 4000,
      firstMs: 5000,
      maxMs: 30_000,
      poll: () => polls.push(Date.now()),
    });
    const t0 = Date.now();
    polling.update(null, t0);
    vi.advanceTimersByTime(60_000);
    expect(polls).toEqual([]); // never while healthy
    const down = Date.now();
    polling.update(down, down);
    vi.advanceTimersByTime(3999);
    expect(polls).toEqual([]); // not before the outage has lasted 4 s
    vi.advanceTimersByTime(120_000);
    const gaps = polls.slice(1).map((t, i) => t - (polls[i] as number));
    expect(polls[0]).toBe(down + 4000);
    expect(gaps.slice(0, 5)).toEqual([5000, 7500, 11250, 16875, 25313]);
    expect(Math.max(...gaps)).toBe(30_000);
    polling.update(null, Date.now());
    const stopped = polls.length;
    vi.advanceTimersByTime(120_000);
    expect(polls).toHaveLength(stopped);
  });
});
