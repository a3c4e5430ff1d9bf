import type { JobRunSummary } from '@jobs/contracts';
import { atom } from 'jotai';

/** The downloads-style panel: recent runs, newest first, at most 100, persisted. */
export const panelRunsAtom = atom<readonly JobRunSummary[]>([]);
