/** Timings of the live client; every one can be overridden by the host (tests shorten them). */
export interface LiveTuning {
  /** Each early reconnect attempt waits a random time up to this (and at least 1 − jitter of it). */
  reconnectBaseMs: number;
  /** Attempts that wait about `reconnectBaseMs` before delays double, up to `reconnectMaxMs`. */
  reconnectSteadyAttempts: number;
  reconnectMaxMs: number;
  reconnectJitter: number;
  /** One attempt that has neither connected nor failed by then is abandoned for the next. */
  connectAttemptTimeoutMs: number;
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
  /** A follower sends a cancel itself when the leader has not taken it within this long. */
  cancelAckMs: number;
}

export const DEFAULT_TUNING: LiveTuning = {
  // After a restart the socket is back within 2 s of the server, and many browsers whose sockets
  // dropped at once spread their attempts over 0.5–2 s instead of arriving together. About 10 s
  // into an outage the delays start doubling, capped at 10 s so that a page is never more than
  // 10 s behind a server that came back (a refused handshake is cheap for the server).
  reconnectBaseMs: 2000,
  reconnectSteadyAttempts: 6,
  reconnectMaxMs: 10_000,
  reconnectJitter: 0.75,
  connectAttemptTimeoutMs: 5000,
  pollAfterMs: 4000,
  pollFirstMs: 5000,
  pollMaxMs: 30_000,
  snapshotRetryMs: 1000,
  invalidateEveryMs: 1000,
  persistEveryMs: 1000,
  toastLimit: 5,
  cancelAckMs: 1000,
};
