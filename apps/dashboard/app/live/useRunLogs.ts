import { type LogLine, LogsResponse } from '@jobs/contracts';
import { useConnection, useLogSubscription } from '@jobs/live';
import { useCallback, useEffect, useRef, useState } from 'react';

const MAX_LINES = 5000;

function merge(lines: readonly LogLine[], more: readonly LogLine[]): LogLine[] {
  const bySeq = new Map(lines.map((l) => [l.seq, l]));
  for (const line of more) bySeq.set(line.seq, line);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq).slice(-MAX_LINES);
}

/**
 * A run's log lines: the backlog from the loader, live lines over the browser's one socket
 * (logs:subscribe through @jobs/live), and catch-up fetches for what the stream cannot carry:
 * lines written before the subscription was live. A catch-up runs each time the connection
 * becomes live (the first time, and after every reconnect), and whenever a streamed line skips a
 * seq (a run's seqs have no holes, so a jump means lines were written while nobody listened).
 * Lines are keyed by their per-run seq, so overlaps never duplicate.
 */
export function useRunLogs(runId: string, initial: readonly LogLine[], live: boolean) {
  const [lines, setLines] = useState<LogLine[]>(() => [...initial]);
  const [error, setError] = useState<string | null>(null);
  const connection = useConnection();
  const lastSeq = useRef(initial.at(-1)?.seq ?? 0);
  const fetching = useRef(false);
  /** A gap seen while a catch-up was in flight: fetch again from there once it is back. */
  const again = useRef<number | null>(null);

  const add = useCallback((more: readonly LogLine[]) => {
    for (const line of more) lastSeq.current = Math.max(lastSeq.current, line.seq);
    setLines((prev) => merge(prev, more));
  }, []);

  const catchUp = useCallback(
    (after: number) => {
      if (fetching.current) {
        again.current = Math.min(again.current ?? after, after);
        return;
      }
      fetching.current = true;
      fetch(`/resources/jobs/${encodeURIComponent(runId)}/logs?after=${after}&limit=1000`, {
        credentials: 'same-origin',
      })
        .then((r) => r.json())
        .then((body: unknown) => {
          const parsed = LogsResponse.safeParse(body);
          if (parsed.success) add(parsed.data.lines);
        })
        .catch(() => setError('Could not load the latest lines.'))
        .finally(() => {
          fetching.current = false;
          const next = again.current;
          again.current = null;
          if (next !== null) catchUp(next);
        });
    },
    [runId, add],
  );

  const onLine = useCallback(
    (line: LogLine) => {
      const before = lastSeq.current;
      add([line]);
      if (line.seq > before + 1) catchUp(before);
    },
    [add, catchUp],
  );
  useLogSubscription(live ? runId : null, onLine);

  const connected = connection.state === 'live';
  useEffect(() => {
    if (live && connected) catchUp(lastSeq.current);
  }, [live, connected, catchUp]);

  return { lines, error, streaming: live && connected };
}
