import { useEffect, useRef } from 'react';
import type { InvalidationKind } from '../election/relay.js';
import { useLiveClient } from './context.js';

/**
 * Calls `onInvalidate` when socket news makes API-owned data stale (stats, the first history page):
 * refetch there. Coalesced (at most about once a second per kind); the latest callback is used.
 */
export function useInvalidation(kind: InvalidationKind, onInvalidate: () => void): void {
  const client = useLiveClient();
  const latest = useRef(onInvalidate);
  latest.current = onInvalidate;
  useEffect(() => client.onInvalidate((fired) => fired === kind && latest.current()), [client, kind]);
}
