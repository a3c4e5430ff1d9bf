import {
  cancelsInFlightAtom,
  downSince,
  useConnection,
  useLiveClient,
  usePanelRuns,
  useToasts,
} from '@jobs/live';
import { JobsPanel } from '@jobs/ui';
import { useNavigate } from '@remix-run/react';
import { useAtomValue } from 'jotai';

/** The global JobsPanel (seed 000) in the top bar: persisted by the live client, so it survives navigation and refresh. */
export function LivePanel({ canManage }: { canManage: boolean }) {
  const client = useLiveClient();
  const runs = usePanelRuns();
  const navigate = useNavigate();
  const pending = useAtomValue(cancelsInFlightAtom);
  return (
    <JobsPanel
      runs={runs}
      cancelPendingIds={pending}
      onCancel={canManage ? (run) => void client.cancel(run.id) : undefined}
      onViewDetails={(run) => navigate(`/admin/jobs/runs/${encodeURIComponent(run.id)}`)}
      onClearFinished={() => client.clearPanel()}
      showAllHref="/admin/jobs"
    />
  );
}

/** Seed 002: "Real-time updates paused" while the socket is down, with when it went down. */
export function ConnectionNotice() {
  const status = useConnection();
  if (status.state === 'idle' || status.state === 'live' || status.state === 'connecting') return null;
  const since = downSince(status);
  return (
    <p className="banner" role="status" data-connection={status.state}>
      Real-time updates paused{status.state === 'offline' ? ' (offline)' : ''}
      {since ? ` since ${new Date(since).toLocaleTimeString('en-GB')}` : ''}; reconnecting…
    </p>
  );
}

/** Toasts from the live client (enqueue/cancel results, failures), dismissible. */
export function LiveToasts() {
  const { toasts, dismiss } = useToasts();
  return (
    <ol className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <li key={t.id} className="toast" data-kind={t.kind} role={t.kind === 'error' ? 'alert' : 'status'}>
          <strong>{t.title}</strong> {t.message}
          <button
            type="button"
            className="button button--small"
            onClick={() => dismiss(t.id)}
            aria-label="Dismiss"
          >
            ✕
          </button>
        </li>
      ))}
    </ol>
  );
}
