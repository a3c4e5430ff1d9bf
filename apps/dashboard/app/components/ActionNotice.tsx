import { toastsAtom, useLiveClient } from '@jobs/live';
import { useLocation, useNavigate } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { noticeOf, withoutNotice } from '../services/notice.js';
import { useHydrated } from './useHydrated.js';

/**
 * An action's one-line result. Without JavaScript it is a banner on the page the action redirected
 * to; with it, a toast that closes by itself, and the notice leaves the URL in the same moment (a
 * replace, so Back does not return to it and a reload does not repeat it).
 */
export function ActionNotice() {
  const { pathname, search, hash } = useLocation();
  const notice = noticeOf(search);
  const hydrated = useHydrated();
  const client = useLiveClient();
  const navigate = useNavigate();
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!notice || shown.current === search) return;
    shown.current = search;
    // A run this person just started: its start and end are announced and its success toasted.
    if (notice.kind !== 'cancel') client.watch(notice.runId, { askPermission: false });
    const at = Date.now();
    client.store.set(toastsAtom, (toasts) => [
      ...toasts,
      {
        id: `notice-${at}-${notice.runId}`,
        kind: notice.kind === 'cancel' ? 'info' : 'success',
        title: notice.text,
        message: '',
        runId: notice.runId,
        at,
      },
    ]);
    navigate({ pathname, search: withoutNotice(search), hash }, { replace: true, preventScrollReset: true });
  }, [notice, search, pathname, hash, client, navigate]);
  if (!notice || hydrated) return null;
  return (
    <p className="notice" role="status" data-testid="flash">
      {notice.text}
    </p>
  );
}
