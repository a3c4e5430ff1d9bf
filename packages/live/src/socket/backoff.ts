export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  factor: number;
  /** 0..1: how much of each delay is random, so many browsers do not reconnect in lockstep. */
  jitter: number;
  /**
   * How many attempts wait about `baseMs` before the delays start growing (default 1). A short
   * outage, such as a restart, then ends within about `baseMs` of the server returning.
   */
  steadyAttempts?: number;
  random?: () => number;
}

/**
 * Backoff with jitter: the first `steadyAttempts` attempts wait about `baseMs`, later ones grow
 * by `factor` up to `maxMs`. Each delay lies in `[ceiling × (1 − jitter), ceiling]`.
 */
export function createBackoff(options: BackoffOptions): (attempt: number) => number {
  const random = options.random ?? Math.random;
  const steady = Math.max(1, options.steadyAttempts ?? 1);
  return (attempt) => {
    const ceiling = Math.min(options.maxMs, options.baseMs * options.factor ** Math.max(0, attempt - steady));
    const spread = ceiling * options.jitter;
    return Math.round(ceiling - spread + random() * spread);
  };
}
