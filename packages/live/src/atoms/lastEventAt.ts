import { atom } from 'jotai';

/** Epoch ms of the last socket event applied, for "updated 3 s ago" and staleness hints. */
export const lastEventAtAtom = atom<number | null>(null);
