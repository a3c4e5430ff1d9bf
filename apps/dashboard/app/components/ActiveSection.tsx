import type { JobRunSummary } from '@jobs/contracts';
import { useActiveRunIds, useCancelPending, useCancelRun, useConnection, useRun } from '@jobs/live';
import { ActiveJobsMonitor } from '@jobs/ui/ActiveJobsMonitor';
import { ConfirmDialog } from '@jobs/ui/ConfirmDialog';
import { JobRunCard } from '@jobs/ui/JobRunCard';
import { useLocation, useNavigate } from '@remix-run/react';
import { memo, useCallback, useState } from 'react';
import { FallbackActive } from './FallbackActive.js';
import { useHydrated } from './useHydrated.js';

interface Props {
  snapshot: readonly JobRunSummary[];
  canManage: boolean;
  cancellable: ReadonlySet<string>;
}

/**
 * Active runs are socket-only: the live client fetches one snapshot and then follows
 * events. Until it has a list (and without JavaScript) the loader's snapshot is shown instead.
 */
export function ActiveSection({ snapshot, canManage, cancellable }: Props) {
  const hydrated = useHydrated();
  const ids = useActiveRunIds();
  const connection = useConnection();
  const starting = connection.state === 'idle' || connection.state === 'connecting';
  const showLive = hydrated && !(starting && ids.length === 0 && snapshot.length > 0);
  return (
    <section
      id="active"
      className={showLive ? 'active-jobs' : 'card active-jobs'}
      aria-labelledby="active-title"
      data-source={showLive ? 'live' : 'snapshot'}
    >
      {showLive ? (
        <LiveActive ids={ids} canManage={canManage} cancellable={cancellable} loading={starting} />
      ) : (
        <>
          <h2 id="active-title">Active &amp; Queued Jobs</h2>
          <FallbackActive runs={snapshot} canManage={canManage} cancellable={cancellable} />
        </>
      )}
    </section>
  );
}

function LiveActive({
  ids,
  canManage,
  cancellable,
  loading,
}: {
  ids: readonly string[];
  canManage: boolean;
  cancellable: ReadonlySet<string>;
  loading: boolean;
}) {
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
      <LiveRunCard
        id={id}
        canCancel={canManage}
        cancellable={cancellable}
        onCancel={onCancel}
        onViewDetails={onViewDetails}
      />
    ),
    [canManage, cancellable, onCancel, onViewDetails],
  );
  return (
    <>
      <span id="active-title" hidden>
        Active &amp; Queued Jobs
      </span>
      <ActiveJobsMonitor
        runIds={ids}
        renderRun={renderRun}
        loading={loading}
        onStartProcessing={canManage ? () => navigate(`/admin/jobs/new${search}`) : undefined}
      />
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => (open ? undefined : setConfirming(null))}
        title={confirming ? `Cancel ${confirming.jobName} (#${confirming.id})?` : 'Cancel run?'}
        description="The run stops at its next checkpoint; work done so far is kept."
        confirmLabel="Cancel run"
        cancelLabel="Keep running"
        tone="danger"
        onConfirm={() => {
          if (confirming) void cancelRun(confirming.id);
          setConfirming(null);
        }}
      />
    </>
  );
}

interface CardProps {
  id: string;
  canCancel: boolean;
  cancellable: ReadonlySet<string>;
  onCancel(run: JobRunSummary): void;
  onViewDetails(run: JobRunSummary): void;
}

/** One row bound to its own run atom: a progress event re-renders this card only. */
const LiveRunCard = memo(function LiveRunCard({
  id,
  canCancel,
  cancellable,
  onCancel,
  onViewDetails,
}: CardProps) {
  const run = useRun(id);
  const pending = useCancelPending(id);
  if (!run) return null;
  return (
    <JobRunCard
      run={run}
      variant="active"
      cancelPending={pending}
      canCancel={canCancel && cancellable.has(run.jobName)}
      onCancel={onCancel}
      onViewDetails={onViewDetails}
    />
  );
});
