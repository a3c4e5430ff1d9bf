/** Timings of the live client; every one can be overridden by the host (tests shorten them). */
export interface LiveTuning {
  reconnectBaseMs: number;
  reconnectMaxMs: number;
  reconnectJitter: number;
  /** The socket must be down this long before `/active` is polled. */
  pollAfterMs: number;
  pollFirstMs: number;
  pollMaxMs: number;
  /** Retry delay for a failed snapshot fetch while one is needed. */
  snapshotRetryMs: number;
  /** Coalesces invalidations: at most one per kind per this many ms. */
  invalidateEveryMs: number;
  /** Panel writes to storage at most this often. */
  persistEveryMs: number;
  toastLimit: number;
}

export const DEFAULT_TUNING: LiveTuning = {
  reconnectBaseMs: 500,
  reconnectMaxMs: 30_000,
  reconnectJitter: 0.5,
  pollAfterMs: 4000,
  pollFirstMs: 5000,
  pollMaxMs: 30_000,
  snapshotRetryMs: 1000,
  invalidateEveryMs: 1000,
  persistEveryMs: 1000,
  toastLimit: 5,
};
