import type { ActiveResponse } from '@jobs/contracts';
import * as light from '@jobs/contracts/light';

export interface SnapshotFetcherOptions {
  fetchActive: () => Promise<ActiveResponse>;
  /** A parsed snapshot, with the epoch it was asked for. */
  onSnapshot: (snapshot: ActiveResponse, epoch: number) => void;
  currentEpoch: () => number;
  retryMs: number;
  maxRetryMs: number;
  onError?: (error: unknown) => void;
}

/**
 * Fetches `/active` for an epoch at most once at a time, retrying with backoff while that epoch
 * still wants it. Answers are validated here: a malformed body is an error, not a state.
 */
export function createSnapshotFetcher(options: SnapshotFetcherOptions) {
  let inFlight: number | null = null;
  let again = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let stopped = false;

  const run = (epoch: number) => {
    inFlight = epoch;
    options
      .fetchActive()
      .then((body) => light.ActiveResponse.parse(body))
      .then(
        (snapshot) => {
          failures = 0;
          if (!stopped) options.onSnapshot(snapshot, epoch);
        },
        (error: unknown) => {
          failures += 1;
          options.onError?.(error);
          if (stopped) return;
          const delay = Math.min(options.maxRetryMs, options.retryMs * 2 ** (failures - 1));
          if (retryTimer !== null) clearTimeout(retryTimer);
          retryTimer = setTimeout(() => {
            retryTimer = null;
            fetcher.request();
          }, delay);
        },
      )
      .finally(() => {
        inFlight = null;
        if (again && !stopped) {
          again = false;
          run(options.currentEpoch());
        }
      });
  };

  const fetcher = {
    /** Fetch for the current epoch unless that is already under way. */
    request(): void {
      if (stopped || retryTimer !== null) return;
      const epoch = options.currentEpoch();
      if (inFlight === epoch) return;
      if (inFlight !== null) again = true;
      else run(epoch);
    },
    /** A fresh answer even if one for this epoch is under way (a new follower needs one). */
    force(): void {
      if (stopped) return;
      if (inFlight !== null) again = true;
      else run(options.currentEpoch());
    },
    /**
     * The way to the server is back (the socket connected): failures while it was down say nothing
     * now, so the backoff they built up is dropped and the next `request()` fetches at once.
     */
    resume(): void {
      failures = 0;
      if (retryTimer !== null) clearTimeout(retryTimer);
      retryTimer = null;
    },
    stop(): void {
      stopped = true;
      if (retryTimer !== null) clearTimeout(retryTimer);
    },
  };
  return fetcher;
}
export type SnapshotFetcher = ReturnType<typeof createSnapshotFetcher>;
