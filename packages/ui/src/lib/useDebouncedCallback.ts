import { useCallback, useEffect, useRef } from 'react';

/** Calls the latest `callback` once `delayMs` after the last call; pending calls are dropped on unmount. */
export function useDebouncedCallback<T>(callback: (value: T) => void, delayMs: number): (value: T) => void {
  const latest = useRef(callback);
  latest.current = callback;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(
    (value: T) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => latest.current(value), delayMs);
    },
    [delayMs],
  );
}
