import { cancelsInFlightAtom, useLiveClient, usePanelRuns } from '@jobs/live';
import { JobsPanel } from '@jobs/ui/JobsPanel';
import { useNavigate } from '@remix-run/react';
import { useAtomValue } from 'jotai';

/** The global downloads-style JobsPanel in the top bar: persisted by the live client, so it survives navigation and refresh. */
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
