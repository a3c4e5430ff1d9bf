import { type RefObject, useCallback, useRef, useState } from 'react';
import { useIsoLayoutEffect } from '../../lib/useIsoLayoutEffect.js';

/** How close to the bottom still counts as "at the end" (a wheel notch is ~50-100 px). */
const AT_END_PX = 24;

/**
 * Follow-tail for a scroll container: while following, every new line scrolls to the end;
 * scrolling up pauses, scrolling back to the end resumes. Only scroll positions decide, so a
 * programmatic jump to the end never pauses it.
 */
export function useFollowTail(
  scroller: RefObject<HTMLElement | null>,
  count: number,
  initial: boolean,
  onChange?: (following: boolean) => void,
) {
  const [following, setFollowingState] = useState(initial);
  const [pausedAt, setPausedAt] = useState(count);
  const latest = useRef({ following, count, onChange });
  latest.current = { following, count, onChange };

  const setFollowing = useCallback((next: boolean) => {
    if (next === latest.current.following) return;
    setFollowingState(next);
    if (!next) setPausedAt(latest.current.count);
    latest.current.onChange?.(next);
  }, []);

  useIsoLayoutEffect(() => {
    const el = scroller.current;
    if (following && el && count > 0) el.scrollTop = el.scrollHeight;
  }, [following, count, scroller]);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight <= AT_END_PX;
    setFollowing(atEnd);
  }, [scroller, setFollowing]);

  return { following, setFollowing, onScroll, newSincePause: following ? 0 : Math.max(0, count - pausedAt) };
}
