import type { ActiveResponse } from '@jobs/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSnapshotFetcher } from './snapshotFetcher.js';

const empty: ActiveResponse = { runs: [], asOfSeq: 0 };

describe('snapshot fetcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fetches at once when the server is back, not after the backoff of earlier failures', async () => {
    let down = true;
    let calls = 0;
    const snapshots: number[] = [];
    const fetcher = createSnapshotFetcher({
      fetchActive: () => {
        calls += 1;
        return down ? Promise.reject(new Error('down')) : Promise.resolve(empty);
      },
      onSnapshot: (_s, epoch) => snapshots.push(epoch),
      currentEpoch: () => 1,
      retryMs: 1000,
      maxRetryMs: 30_000,
    });
    // Four failures while the server is away: the next retry is 8 s out.
    fetcher.request();
    for (const wait of [1000, 2000, 4000]) {
      await vi.advanceTimersByTimeAsync(wait);
    }
    expect(calls).toBe(4);
    down = false;
    // The socket connected: the resync asks for a snapshot and gets one now.
    fetcher.resume();
    fetcher.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(5);
    expect(snapshots).toEqual([1]);
    fetcher.stop();
  });
});
