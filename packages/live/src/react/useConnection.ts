import { useAtomValue } from 'jotai';
import { connectionAtom } from '../atoms/connection.js';
import { lastEventAtAtom } from '../atoms/lastEventAt.js';
import type { ConnectionStatus } from '../socket/status.js';

export function useConnection(): ConnectionStatus {
  return useAtomValue(connectionAtom);
}

export function useLastEventAt(): number | null {
  return useAtomValue(lastEventAtAtom);
}
