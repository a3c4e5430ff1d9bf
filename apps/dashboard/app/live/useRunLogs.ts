import { type LogLine, LogsResponse } from '@jobs/contracts';
import { useConnection, useLogSubscription } from '@jobs/live';
import { useCallback, useEffect, useState } from 'react';

const MAX_LINES = 5000;

function merge(lines: readonly LogLine[], more: readonly LogLine[]): LogLine[] {
  const bySeq = new Map(lines.map((l) => [l.seq, l]));
  for (const line of more) bySeq.set(line.seq, line);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq).slice(-MAX_LINES);
}

/**
 * A run's log lines: the backlog from the loader, live lines over the browser's one socket
 * (logs:subscribe through @jobs/live), and one catch-up fetch for lines written in between.
 * Lines are keyed by their per-run seq, so overlaps never duplicate.
 */
export function useRunLogs(runId: string, initial: readonly LogLine[], live: boolean) {
  const [lines, setLines] = useState<LogLine[]>(() => [...initial]);
  const [error, setError] = useState<string | null>(null);
  const connection = useConnection();
  const onLine = useCallback((line: LogLine) => setLines((prev) => merge(prev, [line])), []);
  useLogSubscription(live ? runId : null, onLine);
  useEffect(() => {
    if (!live) return;
    const after = initial.length ? (initial[initial.length - 1]?.seq ?? 0) : 0;
    fetch(`/resources/jobs/${encodeURIComponent(runId)}/logs?after=${after}&limit=1000`, {
      credentials: 'same-origin',
    })
      .then((r) => r.json())
      .then((body: unknown) => {
        const parsed = LogsResponse.safeParse(body);
        if (parsed.success) setLines((prev) => merge(prev, parsed.data.lines));
      })
      .catch(() => setError('Could not load the latest lines.'));
  }, [runId, live, initial]);
  return { lines, error, streaming: live && connection.state === 'live' };
}
