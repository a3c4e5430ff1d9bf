import { useAnnouncement, useConnection, useLiveClient, useToasts } from '@jobs/live';
import { ConnectionBanner } from '@jobs/ui/ConnectionBanner';
import type { ToastMessage } from '@jobs/ui/Toasts';
import { useNavigate } from '@remix-run/react';
import { lazy, Suspense, useMemo } from 'react';

// Radix Toast loads with the first toast: most page views never show one.
const Toasts = lazy(() => import('@jobs/ui/Toasts').then((m) => ({ default: m.Toasts })));

/** "Real-time updates paused" while the socket is down, with the next attempt's countdown. */
export function ConnectionNotice() {
  const status = useConnection();
  const client = useLiveClient();
  if (status.state === 'idle') return null;
  return (
    <ConnectionBanner
      state={status.state}
      attempt={status.state === 'reconnecting' ? status.attempt : undefined}
      nextAttemptAt={status.state === 'reconnecting' ? new Date(status.nextAttemptAt).toISOString() : null}
      onRetryNow={() => client.retryNow()}
    />
  );
}

/**
 * Says politely, for screen readers, when a run this person waits for starts or ends. The region is
 * always in the page (empty in the server render), so a reader is listening before the first words.
 */
function LiveAnnouncer() {
  const announcement = useAnnouncement();
  return (
    <p className="jobs-visually-hidden" role="status" aria-live="polite" data-testid="live-announcer">
      {announcement ? <span key={announcement.n}>{announcement.text}</span> : null}
    </p>
  );
}

/** The live client's toasts (enqueue/cancel results, failures, finished watched runs). */
export function LiveToasts() {
  return (
    <>
      <LiveAnnouncer />
      <LiveToastList />
    </>
  );
}

function LiveToastList() {
  const { toasts, dismiss } = useToasts();
  const navigate = useNavigate();
  const messages = useMemo<ToastMessage[]>(
    () =>
      toasts.map((t) => ({
        id: t.id,
        tone: t.kind,
        title: t.title,
        description: t.message,
        ...(t.runId
          ? {
              action: {
                label: 'View run',
                altText: 'Open the run from the Job Manager',
                onClick: () => navigate(`/admin/jobs/runs/${encodeURIComponent(t.runId ?? '')}`),
              },
            }
          : {}),
      })),
    [toasts, navigate],
  );
  if (messages.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <Toasts toasts={messages} onDismiss={dismiss} />
    </Suspense>
  );
}
