import { useNavigation, useRevalidator } from '@remix-run/react';
import { useCallback, useEffect, useRef } from 'react';

/**
 * A revalidation for socket news that never interrupts one already under way: while the page is
 * loading, the request is remembered and made once it is idle. A new revalidation aborts the one
 * in flight, and an aborted single-fetch whose answer is being read makes Remix log an error in
 * the browser; news in a burst also only needs one fresh load after the current one.
 */
export function useRevalidateWhenIdle(): () => void {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const busy = revalidator.state !== 'idle' || navigation.state !== 'idle';
  const busyNow = useRef(busy);
  busyNow.current = busy;
  const pending = useRef(false);
  const { revalidate } = revalidator;
  useEffect(() => {
    if (!busy && pending.current) {
      pending.current = false;
      revalidate();
    }
  }, [busy, revalidate]);
  return useCallback(() => {
    if (busyNow.current) pending.current = true;
    else revalidate();
  }, [revalidate]);
}
