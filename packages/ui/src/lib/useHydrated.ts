import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False in the server render and in the hydrating client render, true from the next render on (and
 * at once in a tree that was not server-rendered). Anything that depends on the reader's clock,
 * such as "3m ago", waits for it, so the two renders agree and React reports no mismatch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
