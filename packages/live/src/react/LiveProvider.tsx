import { Provider } from 'jotai';
import { type ReactNode, useEffect } from 'react';
import { flushSync } from 'react-dom';
import type { LiveClient } from '../client/types.js';
import { LiveClientContext } from './context.js';

export interface LiveProviderProps {
  client: LiveClient;
  children?: ReactNode;
}

/**
 * Provides the client's own Jotai store (never the provider-less default, which would be shared
 * across requests during SSR) and starts the client in an effect: effects never run on the server.
 * Frame flushes commit through `flushSync`, inside the animation frame, before it paints.
 */
export function LiveProvider({ client, children }: LiveProviderProps) {
  useEffect(() => {
    client.setCommitWrapper(flushSync);
    return client.start();
  }, [client]);
  return (
    <LiveClientContext.Provider value={client}>
      <Provider store={client.store}>{children}</Provider>
    </LiveClientContext.Provider>
  );
}
