const leaderLock = (name: string) => `${name}:leader`;

/**
 * Web Locks, when this browser can elect: followers live on what the leader relays, so without
 * BroadcastChannel every tab must lead (and without Web Locks too).
 */
function electionLocks(): LockManager | undefined {
  if (typeof navigator === 'undefined' || typeof BroadcastChannel === 'undefined') return undefined;
  return navigator.locks;
}

/**
 * One leader per browser through the Web Locks API: the lock is held for as long as the leader
 * tab lives and is released by the browser the moment that tab closes, at which point the next
 * waiting tab is granted it (takeover in milliseconds, no heartbeats). Without Web Locks or
 * BroadcastChannel (old browsers, Node tests) every instance leads alone.
 */
export function electLeader(name: string, onLeader: () => () => void): { stop(): void } {
  const locks = electionLocks();
  if (!locks) {
    const resign = onLeader();
    return { stop: resign };
  }
  const abort = new AbortController();
  let release: (() => void) | null = null;
  let stopped = false;
  locks
    .request(leaderLock(name), { signal: abort.signal }, async () => {
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

/** Whether some tab already leads `name` (and so holds the socket). Without Web Locks: never. */
export async function leaderExists(name: string): Promise<boolean> {
  const locks = electionLocks();
  if (!locks) return false;
  const { held = [] } = await locks.query();
  return held.some((lock) => lock.name === leaderLock(name));
}
