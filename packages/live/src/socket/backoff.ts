export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  factor: number;
  /** 0..1: how much of each delay is random, so many browsers do not reconnect in lockstep. */
  jitter: number;
  random?: () => number;
}

/** Exponential backoff with jitter: attempt 1 waits about `baseMs`, growing to `maxMs`. */
export function createBackoff(options: BackoffOptions): (attempt: number) => number {
  const random = options.random ?? Math.random;
  return (attempt) => {
    const ceiling = Math.min(options.maxMs, options.baseMs * options.factor ** Math.max(0, attempt - 1));
    const spread = ceiling * options.jitter;
    return Math.round(ceiling - spread + random() * spread);
  };
}
