import { useActiveRunIds, useCancelPending, useCancelRun, usePanelRuns, useRun } from '@jobs/live';
import { ActiveJobsMonitor, JobRunCard, JobsPanel } from '@jobs/ui';
import { Connection, LiveToasts } from './LiveChrome.js';
import { StartExportButton } from './StartExportButton.js';

/** The product's page: its own header with the global jobs panel, an export button, the active runs. */
export function App({ onClearFinished }: { onClearFinished(): void }) {
  const panelRuns = usePanelRuns();
  const cancel = useCancelRun();
  const activeIds = useActiveRunIds();
  return (
    <>
      <header className="acme-header">
        <h1>Acme Orders</h1>
        <StartExportButton />
        <JobsPanel
          runs={panelRuns}
          onCancel={(run) => void cancel(run.id)}
          onClearFinished={onClearFinished}
        />
      </header>
      <main className="acme-main">
        <Connection />
        <ActiveJobsMonitor
          title="Exports in progress"
          runIds={activeIds}
          renderRun={(id) => <ActiveRun id={id} />}
          maxHeight={480}
        />
      </main>
      <LiveToasts />
    </>
  );
}

/** One row: subscribes to its own run, so a progress event re-renders this row only. */
function ActiveRun({ id }: { id: string }) {
  const run = useRun(id);
  const cancelPending = useCancelPending(id);
  const cancel = useCancelRun();
  if (!run) return null;
  return (
    <JobRunCard
      run={run}
      variant="active"
      cancelPending={cancelPending}
      onCancel={(r) => void cancel(r.id)}
    />
  );
}
