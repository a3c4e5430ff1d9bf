import { atom } from 'jotai';

/** Runs whose cancel request this tab has sent and not yet heard back about. */
export const cancelsInFlightAtom = atom<ReadonlySet<string>>(new Set<string>());
