import type { JobRunSummary } from '@jobs/contracts';
import { useAtomValue } from 'jotai';
import { type PanelInProgress, panelInProgressAtom } from '../atoms/panelInProgress.js';
import { panelRunsAtom } from '../atoms/panelRuns.js';

/** The panel's runs, newest first, at most 100; persisted across reloads. */
export function usePanelRuns(): readonly JobRunSummary[] {
  return useAtomValue(panelRunsAtom);
}

/**
 * The panel's in-progress rows and count, from the same state and flush as `useActiveRunIds()`, in
 * the page's order: use these for the badge and the "In progress" list, `usePanelRuns()` for the
 * finished ones.
 */
export function usePanelInProgress(): PanelInProgress {
  return useAtomValue(panelInProgressAtom);
}
