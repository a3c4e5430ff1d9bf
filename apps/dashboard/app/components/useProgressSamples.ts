import type { JobRunDetails } from '@jobs/contracts';
import type { ProgressSample } from '@jobs/ui/JobProgressChart';
import { useEffect, useState } from 'react';

/**
 * One run's progress over time, for the details chart. The engine keeps only a run's latest
 * progress, so the line is built from what is known: 0% at the start, the stored progress at the
 * last heartbeat, one point per newer progress the live client brings while the dialog is open, and
 * the end (100% for a success) at the finish. Until an effect adds a live point only stored times
 * are used, so the server's render and the browser's first render agree.
 */
export function useProgressSamples(run: JobRunDetails): ProgressSample[] {
  const [live, setLive] = useState<{ runId: string; samples: ProgressSample[] }>({
    runId: run.id,
    samples: [],
  });
  const percent = run.progress?.percent;
  const finished = run.finishedAt !== null;
  useEffect(() => {
    if (percent === undefined || finished) return;
    setLive((current) => {
      const samples = current.runId === run.id ? current.samples : [];
      if (samples.at(-1)?.percent === percent) return current;
      return { runId: run.id, samples: [...samples, { at: new Date().toISOString(), percent }] };
    });
  }, [percent, finished, run.id]);

  const samples: ProgressSample[] = [];
  if (run.startedAt) samples.push({ at: run.startedAt, percent: 0 });
  if (percent !== undefined && run.lastHeartbeatAt && !finished)
    samples.push({ at: run.lastHeartbeatAt, percent });
  if (live.runId === run.id) samples.push(...live.samples);
  if (run.finishedAt && run.startedAt)
    samples.push({ at: run.finishedAt, percent: run.status === 'SUCCESS' ? 100 : (percent ?? 0) });
  return samples;
}
