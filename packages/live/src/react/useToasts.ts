import { useAtomValue } from 'jotai';
import { useCallback } from 'react';
import { type LiveToast, toastsAtom } from '../atoms/toasts.js';
import { useLiveClient } from './context.js';

export function useToasts(): { toasts: readonly LiveToast[]; dismiss: (id: string) => void } {
  const client = useLiveClient();
  const toasts = useAtomValue(toastsAtom);
  const dismiss = useCallback((id: string) => client.dismissToast(id), [client]);
  return { toasts, dismiss };
}
