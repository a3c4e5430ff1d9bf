import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff.js';

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

  it('holds the first attempts at the base delay, then grows', () => {
    const high = createBackoff({
      baseMs: 2000,
      steadyAttempts: 6,
      maxMs: 30_000,
      factor: 2,
      jitter: 0.75,
      random: () => 0.999999,
    });
    const low = createBackoff({
      baseMs: 2000,
      steadyAttempts: 6,
      maxMs: 30_000,
      factor: 2,
      jitter: 0.75,
      random: () => 0,
    });
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(high)).toEqual([
      2000, 2000, 2000, 2000, 2000, 2000, 4000, 8000, 16_000, 30_000,
    ]);
    expect([1, 6, 7].map(low)).toEqual([500, 500, 1000]);
  });
});
