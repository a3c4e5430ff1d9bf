import { useCallback, useRef, useState } from 'react';
import type { ToastMessage } from './Toasts.js';

export interface ToastQueue {
  toasts: readonly ToastMessage[];
  push(toast: Omit<ToastMessage, 'id'> & { id?: string }): string;
  dismiss(id: string): void;
}

/** A minimal list for `<Toasts>`; a pushed toast with an existing id replaces it (no duplicates). */
export function useToastQueue(max = 5): ToastQueue {
  const [toasts, setToasts] = useState<readonly ToastMessage[]>([]);
  const counter = useRef(0);
  const push = useCallback<ToastQueue['push']>(
    (toast) => {
      counter.current += 1;
      const id = toast.id ?? `toast-${counter.current}`;
      setToasts((list) => [...list.filter((t) => t.id !== id), { ...toast, id }].slice(-max));
      return id;
    },
    [max],
  );
  const dismiss = useCallback((id: string) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  return { toasts, push, dismiss };
}
