import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFallbackPolling } from './fallbackPolling.js';

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
