import { CLIENT_MESSAGE, JOB_EVENT, JobLogEvent, type LogLine, LogsResponse } from '@jobs/contracts';
import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';

const MAX_LINES = 5000;

function merge(lines: readonly LogLine[], more: readonly LogLine[]): LogLine[] {
  const bySeq = new Map(lines.map((l) => [l.seq, l]));
  for (const line of more) bySeq.set(line.seq, line);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq).slice(-MAX_LINES);
}

/**
 * A run's log lines: the backlog over HTTP, then live lines from the relay (logs:subscribe) on a socket
 * that exists only while the logs view is open. Lines are keyed by their per-run seq, so the overlap
 * between backlog and live lines never duplicates.
 */
export function useRunLogs(runId: string, initial: readonly LogLine[], live: boolean) {
  const [lines, setLines] = useState<LogLine[]>(() => [...initial]);
  const [error, setError] = useState<string | null>(null);
  const [streaming, setStreaming] = useState(false);
  useEffect(() => {
    if (!live) return;
    const socket = io({ path: '/socket.io', transports: ['websocket'], forceNew: true });
    socket.on('connect', () => {
      setStreaming(true);
      setError(null);
      socket.emit(CLIENT_MESSAGE.logsSubscribe, { jobRunId: runId });
      // Catch up on anything written between the page's backlog and this subscription.
      fetch(`/resources/jobs/${encodeURIComponent(runId)}/logs?after=0&limit=1000`, {
        credentials: 'same-origin',
      })
        .then((r) => r.json())
        .then((body) => {
          const parsed = LogsResponse.safeParse(body);
          if (parsed.success) setLines((prev) => merge(prev, parsed.data.lines));
        })
        .catch(() => setError('Could not load earlier lines.'));
    });
    socket.on(JOB_EVENT.log, (raw: unknown) => {
      const event = JobLogEvent.safeParse(raw);
      if (event.success && event.data.data.jobRunId === runId)
        setLines((prev) => merge(prev, [event.data.data.line]));
    });
    socket.on('disconnect', () => setStreaming(false));
    socket.on('connect_error', () => setError('Live log stream unavailable; showing saved lines.'));
    return () => {
      socket.emit(CLIENT_MESSAGE.logsUnsubscribe, { jobRunId: runId });
      socket.close();
    };
  }, [runId, live]);
  return { lines, error, streaming };
}
