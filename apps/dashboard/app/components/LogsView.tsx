import type { LogLine } from '@jobs/contracts';
import { useRunLogs } from '../live/useRunLogs.js';
import { ModalFallback } from './ModalFallback.js';

interface Props {
  runId: string;
  title: string;
  initial: readonly LogLine[];
  live: boolean;
  closeTo: string;
}

/** Log lines as text (hostile strings stay text), newest at the bottom, streaming while the run is active. */
export function LogsView({ runId, title, initial, live, closeTo }: Props) {
  const { lines, error } = useRunLogs(runId, initial, live);
  return (
    <ModalFallback title={title} closeTo={closeTo}>
      {error ? <p className="muted">{error}</p> : null}
      <pre className="log-lines" data-testid="log-lines" aria-live="polite">
        {lines.map((l) => (
          <span key={l.seq} className="log-line" data-level={l.level}>
            {`${l.at.slice(11, 23)} ${l.level.toUpperCase().padEnd(5)} ${l.message}\n`}
          </span>
        ))}
      </pre>
    </ModalFallback>
  );
}
