import type { InvalidationKind } from '../election/relay.js';

/**
 * Tells listeners to refetch API-owned data (stats, the first history page). Bursts coalesce: the
 * first invalidation of a kind fires at once, later ones within `everyMs` fire once at its end.
 */
export function createInvalidation(everyMs: number) {
  const listeners = new Set<(kind: InvalidationKind) => void>();
  const lastFired = new Map<InvalidationKind, number>();
  const trailing = new Map<InvalidationKind, ReturnType<typeof setTimeout>>();
  const fire = (kind: InvalidationKind) => {
    lastFired.set(kind, Date.now());
    for (const listener of listeners) listener(kind);
  };
  return {
    invalidate(kind: InvalidationKind): void {
      if (trailing.has(kind)) return;
      const wait = (lastFired.get(kind) ?? Number.NEGATIVE_INFINITY) + everyMs - Date.now();
      if (wait <= 0) {
        fire(kind);
        return;
      }
      trailing.set(
        kind,
        setTimeout(() => {
          trailing.delete(kind);
          fire(kind);
        }, wait),
      );
    },
    subscribe(listener: (kind: InvalidationKind) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop(): void {
      for (const timer of trailing.values()) clearTimeout(timer);
      trailing.clear();
    },
  };
}
export type Invalidation = ReturnType<typeof createInvalidation>;
