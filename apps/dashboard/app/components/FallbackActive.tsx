import { displayRunId, type JobRunSummary, uiStatusOf } from '@jobs/contracts';
import { Link } from '@remix-run/react';
import { StatusText } from './StatusText.js';

/** The server's snapshot of active runs, for the first paint and for browsers without JavaScript. */
export function FallbackActive({
  runs,
  canManage,
  cancellable,
}: {
  runs: readonly JobRunSummary[];
  canManage: boolean;
  cancellable: ReadonlySet<string>;
}) {
  if (runs.length === 0) return <p className="muted">(No active jobs)</p>;
  return (
    <ul className="run-list">
      {runs.map((run) => {
        const status = uiStatusOf(run);
        return (
          <li key={run.id} className="run-row" data-status={status}>
            <StatusText status={status} /> <strong>{run.jobName}</strong> ({displayRunId(run.id)})
            {run.progress?.percent !== undefined ? ` · ${Math.round(run.progress.percent)}%` : ''}
            {run.progress?.message ? ` · ${run.progress.message}` : ''}
            {canManage && cancellable.has(run.jobName) && status !== 'CANCEL_REQUESTED' ? (
              <Link className="button button--small" to={`runs/${encodeURIComponent(run.id)}/cancel`}>
                Cancel
              </Link>
            ) : null}
            <Link className="button button--small" to={`runs/${encodeURIComponent(run.id)}`}>
              Details
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
