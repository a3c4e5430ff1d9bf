import type { JobRunDetails } from '@jobs/contracts';
import type { ProgressSample } from '@jobs/ui/JobProgressChart';
import { useEffect, useState } from 'react';

/**
 * One run's progress over time, for the details chart. The engine keeps only a run's latest
 * progress, so the line is built from what is known: 0% at the start, the progress `stored` with
 * the run at its last heartbeat (the loader's read, so the percent and its time belong together),
 * one point per newer progress of the `current` run (the live client's) while the dialog is open,
 * and the end (100% for a success) at the finish. Until an effect adds a live point only stored
 * times are used, so the server's render and the browser's first render agree.
 */
export function useProgressSamples(stored: JobRunDetails, current: JobRunDetails): ProgressSample[] {
  const [live, setLive] = useState<{ runId: string; samples: ProgressSample[] }>({
    runId: current.id,
    samples: [],
  });
  const percent = current.progress?.percent;
  const finished = current.finishedAt !== null;
  useEffect(() => {
    if (percent === undefined || finished) return;
    setLive((known) => {
      const samples = known.runId === current.id ? known.samples : [];
      if (samples.at(-1)?.percent === percent) return known;
      return { runId: current.id, samples: [...samples, { at: new Date().toISOString(), percent }] };
    });
  }, [percent, finished, current.id]);

  const samples: ProgressSample[] = [];
  if (current.startedAt) samples.push({ at: current.startedAt, percent: 0 });
  const storedPercent = stored.progress?.percent;
  if (storedPercent !== undefined && stored.lastHeartbeatAt && !finished)
    samples.push({ at: stored.lastHeartbeatAt, percent: storedPercent });
  if (live.runId === current.id) samples.push(...live.samples);
  if (current.finishedAt && current.startedAt)
    samples.push({
      at: current.finishedAt,
      percent: current.status === 'SUCCESS' ? 100 : (percent ?? 0),
    });
  return samples;
}
