export type LimitedAction = 'enqueue' | 'cancel' | 'bulk';

/** Per session, per minute. Generous for people, tight for scripts. */
export const LIMITS_PER_MINUTE: Record<LimitedAction, number> = { enqueue: 30, cancel: 60, bulk: 10 };
const WINDOW_MS = 60_000;
const MAX_KEYS = 50_000;

export interface RateLimitVerdict {
  action: LimitedAction;
  retryAfterS: number;
  /** True only for the request that first crossed the limit in this window (audited once, not per try). */
  first: boolean;
}

export interface RateLimiter {
  /** Counts one try of `action` by `identity`; null when allowed, the verdict when over the limit. */
  take(action: LimitedAction, identity: string): RateLimitVerdict | null;
}

/**
 * Fixed windows keyed by the route's declared bucket and the decoded session id. Nothing here looks
 * at the raw path or the raw cookie text, so a differently spelled URL that reaches the same action,
 * or a percent-encoded copy of the same cookie, lands in the same bucket.
 */
export function createRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(action, identity) {
      const key = `${action}\u0000${identity}`;
      const t = now();
      let w = windows.get(key);
      if (!w || t - w.start >= WINDOW_MS) {
        windows.delete(key);
        w = { start: t, count: 0 };
        windows.set(key, w);
        if (windows.size > MAX_KEYS) windows.delete(windows.keys().next().value ?? '');
      }
      w.count++;
      if (w.count <= LIMITS_PER_MINUTE[action]) return null;
      const retryAfterS = Math.max(1, Math.ceil((w.start + WINDOW_MS - t) / 1000));
      return { action, retryAfterS, first: w.count === LIMITS_PER_MINUTE[action] + 1 };
    },
  };
}
