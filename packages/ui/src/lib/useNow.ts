import { useSyncExternalStore } from 'react';

/**
 * The current time, re-read once a second by ONE shared timer for every mounted component, so
 * "3m ago" and ETAs move without each row starting its own interval. A fixed `now` (stories,
 * tests, screenshots) turns the clock off.
 */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let current = Date.now();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    current = Date.now();
    timer = setInterval(() => {
      current = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const noop = () => () => {};
// Before the first tick, the time rounded to the second: stable enough for React's snapshot check.
const snapshot = () => (timer === null ? Math.floor(Date.now() / 1000) * 1000 : current);

export function useNow(fixed?: Date): Date {
  const ms = useSyncExternalStore(fixed ? noop : subscribe, snapshot, snapshot);
  return fixed ?? new Date(ms);
}
