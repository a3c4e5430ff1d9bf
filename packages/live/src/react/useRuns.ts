import { type JobRunSummary, type JobUiStatus, uiStatusOf } from '@jobs/contracts';
import { useAtomValue } from 'jotai';
import { useMemo } from 'react';
import { activeRunIdsAtom } from '../atoms/activeRunIds.js';
import { cancelsInFlightAtom } from '../atoms/cancelsInFlight.js';
import { useLiveClient } from './context.js';

/** QUEUED + RUNNING ids in arrival order; re-renders on membership changes only. */
export function useActiveRunIds(): readonly string[] {
  return useAtomValue(activeRunIdsAtom);
}

export function useActiveCount(): number {
  return useAtomValue(activeRunIdsAtom).length;
}

/** One run, from its own atom: a progress event re-renders only this run's component. */
export function useRun(id: string): JobRunSummary | undefined {
  const client = useLiveClient();
  const runAtom = useMemo(() => client.runAtom(id), [client, id]);
  return useAtomValue(runAtom);
}

export function useCancelPending(id: string): boolean {
  return useAtomValue(cancelsInFlightAtom).has(id);
}

/** The status to show, CANCEL_REQUESTED included (optimistic or from the server). */
export function useUiStatus(id: string): JobUiStatus | undefined {
  const run = useRun(id);
  const pending = useCancelPending(id);
  return run ? uiStatusOf(run, pending) : undefined;
}
