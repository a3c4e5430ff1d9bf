import type { JobRunStatus, LogLine } from '@jobs/contracts';
import { JobLogsModal } from '@jobs/ui/JobLogsModal';
import { useNavigate } from '@remix-run/react';
import { useRunLogs } from '../live/useRunLogs.js';

interface Props {
  run: { id: string; jobName: string; status: JobRunStatus; active: boolean };
  initial: readonly LogLine[];
  closeTo: string;
}

/** A run's log: the same dialog before hydration, without JavaScript (the server's lines) and live. */
export function LogsView({ run, initial, closeTo }: Props) {
  const navigate = useNavigate();
  const { lines, error, streaming } = useRunLogs(run.id, initial, run.active);
  return (
    <JobLogsModal
      open
      onOpenChange={(open) => (open ? undefined : navigate(closeTo, { preventScrollReset: true }))}
      closeHref={closeTo}
      run={{ id: run.id, jobName: run.jobName, status: run.status }}
      lines={lines}
      error={error}
      streaming={streaming}
    />
  );
}
