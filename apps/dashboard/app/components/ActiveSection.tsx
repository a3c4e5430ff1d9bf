import type { JobRunSummary } from '@jobs/contracts';
import {
  useActiveRunIds,
  useCancelPending,
  useCancelRun,
  useConnection,
  useLiveClient,
  useRun,
} from '@jobs/live';
import { ActiveJobsMonitor } from '@jobs/ui/ActiveJobsMonitor';
import { JobRunCard } from '@jobs/ui/JobRunCard';
import { useLocation, useNavigate } from '@remix-run/react';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { LazyCancelRunConfirm } from './lazy/LazyCancelRunConfirm.js';
import { preloadOnIntent } from './lazy/preloadable.js';
import { preloadRunDialogs } from './lazy/preloads.js';

interface Props {
  snapshot: readonly JobRunSummary[];
  /** the seq `snapshot` is as of */
  asOfSeq: number;
  canManage: boolean;
  cancellable: ReadonlySet<string>;
}

/**
 * Active runs are socket-only: the live client follows events from a snapshot. It starts from the
 * loader's (handed over at hydration, before the client starts) and, once its socket connects,
 * resyncs with a snapshot of its own as after any reconnect. One list renders both: until the socket
 * first connects (on the server, during hydration, while it connects, and always without
 * JavaScript) its rows come from the loader's snapshot. Cancel and Details are links to the
 * confirmation and details routes, so they work without JavaScript; once hydrated a click confirms
 * in place or routes in place.
 */
export function ActiveSection({ snapshot, asOfSeq, canManage, cancellable }: Props) {
  const client = useLiveClient();
  // Runs before the layout's LiveProvider starts the client (child effects first); later calls,
  // with the client started or in sync, are ignored by the client.
  useEffect(() => client.seed({ runs: [...snapshot], asOfSeq }), [client, snapshot, asOfSeq]);
  const liveIds = useActiveRunIds();
  const connection = useConnection();
  const fromSnapshot = connection.state === 'idle' || connection.state === 'connecting';
  const snapshotRuns = useMemo(() => new Map(snapshot.map((run) => [run.id, run])), [snapshot]);
  const ids = useMemo(
    () => (fromSnapshot ? [...snapshotRuns.keys()] : liveIds),
    [fromSnapshot, snapshotRuns, liveIds],
  );
  const navigate = useNavigate();
  const { search } = useLocation();
  const cancelRun = useCancelRun();
  const [confirming, setConfirming] = useState<JobRunSummary | null>(null);
  const onCancel = useCallback((run: JobRunSummary) => setConfirming(run), []);
  const onViewDetails = useCallback(
    (run: JobRunSummary) =>
      navigate(`/admin/jobs/runs/${encodeURIComponent(run.id)}${search}`, { preventScrollReset: true }),
    [navigate, search],
  );
  const renderRun = useCallback(
    (id: string) => (
      <ActiveRunCard
        id={id}
        fallback={snapshotRuns.get(id)}
        search={search}
        canCancel={canManage}
        cancellable={cancellable}
        onCancel={onCancel}
        onViewDetails={onViewDetails}
      />
    ),
    [snapshotRuns, search, canManage, cancellable, onCancel, onViewDetails],
  );
  return (
    <div
      id="active"
      className="active-jobs"
      data-source={fromSnapshot ? 'snapshot' : 'live'}
      // The dialogs a run's buttons open load as the pointer or focus reaches the list, before the click.
      {...preloadOnIntent(preloadRunDialogs)}
    >
      <ActiveJobsMonitor
        runIds={ids}
        renderRun={renderRun}
        paused={connection.state === 'reconnecting' || connection.state === 'offline'}
        onStartProcessing={canManage ? () => navigate(`/admin/jobs/new${search}`) : undefined}
      />
      <LazyCancelRunConfirm
        run={confirming}
        onOpenChange={(open) => (open ? undefined : setConfirming(null))}
        onConfirm={(run) => {
          void cancelRun(run.id);
          setConfirming(null);
        }}
      />
    </div>
  );
}

interface CardProps {
  id: string;
  /** the loader's copy, shown until the live client has this run */
  fallback: JobRunSummary | undefined;
  search: string;
  canCancel: boolean;
  cancellable: ReadonlySet<string>;
  onCancel(run: JobRunSummary): void;
  onViewDetails(run: JobRunSummary): void;
}

/** One row bound to its own run atom: a progress event re-renders this card only. */
const ActiveRunCard = memo(function ActiveRunCard({
  id,
  fallback,
  search,
  canCancel,
  cancellable,
  onCancel,
  onViewDetails,
}: CardProps) {
  const live = useRun(id);
  const pending = useCancelPending(id);
  const run = live ?? fallback;
  if (!run) return null;
  const base = `/admin/jobs/runs/${encodeURIComponent(run.id)}`;
  return (
    <JobRunCard
      run={run}
      variant="active"
      cancelPending={pending}
      canCancel={canCancel && cancellable.has(run.jobName)}
      onCancel={onCancel}
      cancelHref={`${base}/cancel${search}`}
      onViewDetails={onViewDetails}
      detailsHref={`${base}${search}`}
    />
  );
});
