import type { LogLine } from '@jobs/contracts';
import { useEffect, useRef } from 'react';
import { useLiveClient } from './context.js';

/**
 * Live log lines of `runId` (null: none) over the browser's one socket. The latest `onLine` is
 * used; fetch the backlog from the logs endpoint and merge by `line.seq`.
 */
export function useLogSubscription(runId: string | null, onLine: (line: LogLine) => void): void {
  const client = useLiveClient();
  const latest = useRef(onLine);
  latest.current = onLine;
  useEffect(() => {
    if (runId === null) return;
    return client.subscribeLogs(runId, (line) => latest.current(line));
  }, [client, runId]);
}
