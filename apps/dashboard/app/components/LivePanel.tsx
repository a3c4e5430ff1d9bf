import { cancelsInFlightAtom, useLiveClient, usePanelInProgress, usePanelRuns } from '@jobs/live';
import { useNavigate } from '@remix-run/react';
import { useAtomValue } from 'jotai';
import { useMemo } from 'react';
import { LazyJobsPanel } from './lazy/LazyJobsPanel.js';

/**
 * The global downloads-style JobsPanel in the top bar: persisted by the live client, so it survives
 * navigation and refresh. Cancel works as on the cards: only for jobs whose definition allows it, and
 * only after the same confirmation.
 */
export function LivePanel({
  canManage,
  cancellable,
}: {
  canManage: boolean;
  cancellable: readonly string[];
}) {
  const allowed = useMemo(() => new Set(cancellable), [cancellable]);
  const client = useLiveClient();
  const runs = usePanelRuns();
  // In progress: the same state, flush and order as the Job Manager's active list.
  const inProgress = usePanelInProgress();
  const navigate = useNavigate();
  const pending = useAtomValue(cancelsInFlightAtom);
  return (
    <LazyJobsPanel
      runs={runs}
      inProgress={inProgress.runs}
      inProgressCount={inProgress.count}
      cancelPendingIds={pending}
      onCancel={canManage ? (run) => void client.cancel(run.id) : undefined}
      canCancel={(run) => allowed.has(run.jobName)}
      confirmCancel
      onViewDetails={(run) => navigate(`/admin/jobs/runs/${encodeURIComponent(run.id)}`)}
      onClearFinished={() => client.clearPanel()}
      showAllHref="/admin/jobs"
    />
  );
}
