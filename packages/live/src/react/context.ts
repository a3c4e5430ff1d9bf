import { createContext, useContext } from 'react';
import type { LiveClient } from '../client/types.js';

export const LiveClientContext = createContext<LiveClient | null>(null);

export function useLiveClient(): LiveClient {
  const client = useContext(LiveClientContext);
  if (!client) throw new Error('@jobs/live hooks must be used inside <LiveProvider client={…}>.');
  return client;
}
