import { atom } from 'jotai';

/** Ids of QUEUED and RUNNING runs; replaced only when membership changes, not on progress. */
export const activeRunIdsAtom = atom<readonly string[]>([]);
