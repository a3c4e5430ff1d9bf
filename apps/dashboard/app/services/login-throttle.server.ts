/**
 * Failed logins. Two budgets, both checked before the password is hashed: per (address, email), so
 * one account cannot be guessed at speed, and per address across every email, so trying a new email
 * each time does not buy a fresh budget (each try costs a scrypt). Successes clear the pair only.
 * Failures are also kept, aggregated and bounded, for the audit page: they are not actions, and
 * whoever typed the email is not an authenticated identity.
 */
export const MAX_FAILURES_PER_EMAIL = 10;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Longest email kept in the failed-login record (what was typed, cut; never an identity). */
export const FAILED_EMAIL_CHARS = 100;
const MAX_ROWS = 1000;

export interface FailedLogins {
  address: string;
  email: string;
  count: number;
  firstAt: string;
  lastAt: string;
}

export interface LoginThrottle {
  /** Seconds to wait, or 0 when a try is allowed. */
  retryAfterS(address: string, email: string): Promise<number>;
  failed(address: string, email: string): Promise<void>;
  succeeded(address: string, email: string): Promise<void>;
  /** Failed logins aggregated per (address, email), most recent first. */
  recentFailures(limit: number): Promise<FailedLogins[]>;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase().slice(0, FAILED_EMAIL_CHARS);

/** The embedded default: memory only (a restart forgets the budgets, which only ever favours users). */
export function createMemoryLoginThrottle(now: () => number = Date.now): LoginThrottle {
  const times = new Map<string, number[]>();
  const rows = new Map<string, FailedLogins>();
  const recent = (k: string) => (times.get(k) ?? []).filter((t) => now() - t < THROTTLE_WINDOW_MS);
  const wait = (list: number[], max: number) =>
    list.length < max
      ? 0
      : Math.max(1, Math.ceil(((list[list.length - max] ?? now()) + THROTTLE_WINDOW_MS - now()) / 1000));
  const push = (k: string, max: number) => {
    times.set(k, [...recent(k), now()].slice(-max));
    if (times.size > 20_000) times.delete(times.keys().next().value ?? '');
  };
  return {
    async retryAfterS(address, email) {
      const pair = wait(recent(`${address}|${normaliseEmail(email)}`), MAX_FAILURES_PER_EMAIL);
      const all = wait(recent(address), MAX_FAILURES_PER_ADDRESS);
      return Math.max(pair, all);
    },
    async failed(address, email) {
      const e = normaliseEmail(email);
      push(`${address}|${e}`, MAX_FAILURES_PER_EMAIL);
      push(address, MAX_FAILURES_PER_ADDRESS);
      const key = `${address}|${e}`;
      const at = new Date(now()).toISOString();
      const row = rows.get(key);
      rows.delete(key);
      rows.set(
        key,
        row
          ? { ...row, count: row.count + 1, lastAt: at }
          : { address, email: e, count: 1, firstAt: at, lastAt: at },
      );
      if (rows.size > MAX_ROWS) rows.delete(rows.keys().next().value ?? '');
    },
    async succeeded(address, email) {
      times.delete(`${address}|${normaliseEmail(email)}`);
    },
    async recentFailures(limit) {
      return [...rows.values()].reverse().slice(0, limit);
    },
  };
}
