import { useConnection, useToasts } from '@jobs/live';
import { ConnectionBanner, type ToastMessage, Toasts } from '@jobs/ui';
import { useMemo } from 'react';

/** "Real-time updates paused" while the socket is down, with the next attempt's countdown. */
export function Connection() {
  const status = useConnection();
  if (status.state === 'idle') return null;
  return (
    <ConnectionBanner
      state={status.state}
      attempt={status.state === 'reconnecting' ? status.attempt : undefined}
      nextAttemptAt={status.state === 'reconnecting' ? new Date(status.nextAttemptAt).toISOString() : null}
    />
  );
}

/** The live client's toasts (enqueue and cancel results, failures) through the library's Toasts. */
export function LiveToasts() {
  const { toasts, dismiss } = useToasts();
  const messages = useMemo<ToastMessage[]>(
    () => toasts.map((t) => ({ id: t.id, tone: t.kind, title: t.title, description: t.message })),
    [toasts],
  );
  return <Toasts toasts={messages} onDismiss={dismiss} />;
}
