import type { JobRunSummary } from '@jobs/contracts';
import { atom } from 'jotai';

/**
 * The panel's in-progress rows: the active runs in the order the page lists them (the same ids as
 * `activeRunIdsAtom`), the first `PANEL_ACTIVE_ROWS` of them, and how many there are in all.
 */
export interface PanelInProgress {
  readonly runs: readonly JobRunSummary[];
  readonly count: number;
}

export const panelInProgressAtom = atom<PanelInProgress>({ runs: [], count: 0 });
