import type { JobRunSummary } from '@jobs/contracts';
import { useRef } from 'react';
import { type EtaMemory, etaLeft, nextEta } from './eta.js';

/**
 * A run's ETA in milliseconds, steady across renders (see `nextEta`): the component remembers the
 * smoothed projected end of its run. Null when progress gives nothing to project from.
 */
export function useEta(run: Pick<JobRunSummary, 'id' | 'startedAt' | 'progress'>, now: Date): number | null {
  const memory = useRef<{ id: string; eta: EtaMemory | null } | null>(null);
  const held = memory.current?.id === run.id ? memory.current.eta : null;
  const eta = nextEta(held, run, now.getTime());
  memory.current = { id: run.id, eta };
  return etaLeft(eta, now.getTime());
}
