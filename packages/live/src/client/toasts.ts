import { type LiveToast, toastsAtom } from '../atoms/toasts.js';
import type { RelayedToast } from '../election/relay.js';
import type { JotaiStore } from './storeSync.js';

/** This tab's toasts: kept in an atom for React and handed to `onToast` listeners. */
export function createToasts(store: JotaiStore, limit: number, now: () => number) {
  const listeners = new Set<(toast: LiveToast) => void>();
  let counter = 0;
  return {
    push(toast: RelayedToast): void {
      counter += 1;
      const full: LiveToast = { ...toast, id: `toast-${now()}-${counter}`, at: now() };
      store.set(toastsAtom, [...store.get(toastsAtom), full].slice(-limit));
      for (const listener of listeners) listener(full);
    },
    dismiss(id: string): void {
      store.set(
        toastsAtom,
        store.get(toastsAtom).filter((toast) => toast.id !== id),
      );
    },
    subscribe(listener: (toast: LiveToast) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type Toasts = ReturnType<typeof createToasts>;
