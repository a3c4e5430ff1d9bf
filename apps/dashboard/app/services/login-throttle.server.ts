/**
 * Failed logins per (address, email): after MAX_FAILURES within WINDOW_MS the pair must wait out the
 * window, so a password cannot be guessed at speed. Successes never count; a success clears the pair.
 */
const MAX_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;

export interface LoginThrottle {
  /** Seconds to wait, or 0 when a try is allowed. */
  retryAfterS(address: string, email: string): number;
  failed(address: string, email: string): void;
  succeeded(address: string, email: string): void;
}

export function createLoginThrottle(now: () => number = Date.now): LoginThrottle {
  const failures = new Map<string, number[]>();
  const key = (address: string, email: string) => `${address}|${email.trim().toLowerCase()}`;
  const recent = (k: string) => (failures.get(k) ?? []).filter((t) => now() - t < WINDOW_MS);
  return {
    retryAfterS(address, email) {
      const times = recent(key(address, email));
      if (times.length < MAX_FAILURES) return 0;
      return Math.max(1, Math.ceil(((times[0] ?? now()) + WINDOW_MS - now()) / 1000));
    },
    failed(address, email) {
      const k = key(address, email);
      failures.set(k, [...recent(k), now()].slice(-MAX_FAILURES));
      if (failures.size > 10_000) failures.delete(failures.keys().next().value ?? '');
    },
    succeeded(address, email) {
      failures.delete(key(address, email));
    },
  };
}
