import type { JobRunStatus, LogLine } from '@jobs/contracts';
import { JobLogsModal } from '@jobs/ui/JobLogsModal';
import { useNavigate } from '@remix-run/react';
import { useRunLogs } from '../live/useRunLogs.js';
import { ModalFallback } from './ModalFallback.js';
import { useHydrated } from './useHydrated.js';

interface Props {
  run: { id: string; jobName: string; status: JobRunStatus; active: boolean };
  title: string;
  initial: readonly LogLine[];
  closeTo: string;
}

/** A run's log: the widget (virtualized, highlighted, following the tail) once hydrated, plain text before. */
export function LogsView({ run, title, initial, closeTo }: Props) {
  const hydrated = useHydrated();
  const navigate = useNavigate();
  const { lines, error, streaming } = useRunLogs(run.id, initial, run.active);
  if (hydrated) {
    return (
      <JobLogsModal
        open
        onOpenChange={(open) => (open ? undefined : navigate(closeTo, { preventScrollReset: true }))}
        run={{ id: run.id, jobName: run.jobName, status: run.status }}
        lines={lines}
        error={error}
        streaming={streaming}
      />
    );
  }
  return (
    <ModalFallback title={title} closeTo={closeTo}>
      <pre className="log-lines" data-testid="log-lines">
        {lines.map((l) => (
          <span key={l.seq} className="log-line" data-level={l.level}>
            {`${l.at.slice(11, 23)} ${l.level.toUpperCase().padEnd(5)} ${l.message}\n`}
          </span>
        ))}
      </pre>
    </ModalFallback>
  );
}
