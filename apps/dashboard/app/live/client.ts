import { createLiveClient, type LiveClient } from '@jobs/live';
import { liveHost } from './host.js';

let browserClient: LiveClient | null = null;

/**
 * One live client per browser page (its Jotai store is the app's one store). On the server a fresh,
 * never-started client per render: creating one opens nothing, and no store is shared across requests.
 */
export function getLiveClient(): LiveClient {
  if (typeof window === 'undefined') return createLiveClient(liveHost);
  browserClient ??= createLiveClient(liveHost);
  return browserClient;
}
