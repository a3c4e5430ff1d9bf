import type { JobRunSummary } from '@jobs/contracts';
import { useAtomValue } from 'jotai';
import { panelRunsAtom } from '../atoms/panelRuns.js';

/** The panel's runs, newest first, at most 100; persisted across reloads. */
export function usePanelRuns(): readonly JobRunSummary[] {
  return useAtomValue(panelRunsAtom);
}
