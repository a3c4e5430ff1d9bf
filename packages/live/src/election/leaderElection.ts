/**
 * One leader per browser through the Web Locks API: the lock is held for as long as the leader
 * tab lives and is released by the browser the moment that tab closes, at which point the next
 * waiting tab is granted it (takeover in milliseconds, no heartbeats). Without Web Locks or
 * BroadcastChannel (old browsers, Node tests) every instance leads alone.
 */
export function electLeader(name: string, onLeader: () => () => void): { stop(): void } {
  // Followers live on what the leader relays: without BroadcastChannel, every tab must lead.
  const canRelay = typeof BroadcastChannel !== 'undefined';
  const locks = typeof navigator === 'undefined' || !canRelay ? undefined : navigator.locks;
  if (!locks) {
    const resign = onLeader();
    return { stop: resign };
  }
  const abort = new AbortController();
  let release: (() => void) | null = null;
  let stopped = false;
  locks
    .request(`${name}:leader`, { signal: abort.signal }, async () => {
      if (stopped) return;
      const resign = onLeader();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      resign();
    })
    .catch((error: unknown) => {
      // Aborting a request that is still waiting is how a follower leaves; anything else is a bug.
      if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
    });
  return {
    stop() {
      stopped = true;
      if (release) release();
      else abort.abort();
    },
  };
}
