import { atom } from 'jotai';

export interface LiveToast {
  readonly id: string;
  readonly kind: 'error' | 'success' | 'info';
  readonly title: string;
  readonly message: string;
  readonly runId?: string;
  readonly at: number;
}

/** Toasts to show in this tab, oldest first, bounded. */
export const toastsAtom = atom<readonly LiveToast[]>([]);
