import { useAtomValue } from 'jotai';
import { type Announcement, announcementAtom } from '../atoms/announcement.js';

/** The latest announcement for a polite live region (watched runs that started or ended). */
export function useAnnouncement(): Announcement | null {
  return useAtomValue(announcementAtom);
}
