import type { JobUiStatus } from '@jobs/contracts';

const ICON: Record<JobUiStatus, string> = {
  QUEUED: '⏸',
  RUNNING: '◉',
  SUCCESS: '✓',
  FAILED: '✗',
  CANCELLED: '⊗',
  CANCEL_REQUESTED: '🔄',
};

/** Icon and word, never colour alone (docs/contract.md, "Statuses"); the no-JS views use it where @jobs/ui widgets cannot render. */
export function StatusText({ status }: { status: JobUiStatus }) {
  return (
    <span className="status-text" data-status={status}>
      <span aria-hidden="true">{ICON[status]}</span> {status === 'CANCEL_REQUESTED' ? 'Stopping…' : status}
    </span>
  );
}
