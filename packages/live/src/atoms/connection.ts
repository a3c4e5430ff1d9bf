import { atom } from 'jotai';
import type { ConnectionStatus } from '../socket/status.js';

/** The browser's one connection as this tab knows it (followers mirror the leader's). */
export const connectionAtom = atom<ConnectionStatus>({ state: 'idle' });
