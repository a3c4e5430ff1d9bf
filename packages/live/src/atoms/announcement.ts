import { atom } from 'jotai';

/**
 * The latest thing to read out politely (watched runs that started or ended), in every tab. `n`
 * changes with each announcement, so the same words said twice are still a change.
 */
export interface Announcement {
  readonly text: string;
  readonly n: number;
}

export const announcementAtom = atom<Announcement | null>(null);
