import type { JobEvent } from '@jobs/contracts';
import { createBackoff } from '../socket/backoff.js';
import { createSocketManager } from '../socket/socketManager.js';
import type { ConnectionStatus } from '../socket/status.js';
import { downSince } from '../socket/status.js';
import type { Engine } from './engine.js';
import { createFallbackPolling } from './fallbackPolling.js';
import type { LogHub } from './logHub.js';
import { createSnapshotFetcher } from './snapshotFetcher.js';
import type { LiveTuning } from './tuning.js';
import type { LiveHost } from './types.js';

export interface LeaderContext {
  host: LiveHost;
  tuning: LiveTuning;
  engine: Engine;
  now: () => number;
  setStatus: (status: ConnectionStatus) => void;
  logs: LogHub;
  report: (error: unknown, context: string) => void;
}

/**
 * What only the leader tab does: run the socket, fetch snapshots (for itself and its followers),
 * poll while the socket is down. Returns the hooks the session calls, and `stop` for resigning.
 */
export function startLeaderDuties(ctx: LeaderContext) {
  const { engine, tuning, now } = ctx;
  let status: ConnectionStatus = { state: 'idle' };
  const fetcher = createSnapshotFetcher({
    fetchActive: ctx.host.fetchActive,
    onSnapshot: (snapshot, epoch) => engine.push({ type: 'snapshot', snapshot, epoch }),
    currentEpoch: () => engine.state.epoch,
    retryMs: tuning.snapshotRetryMs,
    maxRetryMs: tuning.pollMaxMs,
    onError: (error) => ctx.report(error, 'fetchActive'),
  });
  const polling = createFallbackPolling({
    afterMs: tuning.pollAfterMs,
    firstMs: tuning.pollFirstMs,
    maxMs: tuning.pollMaxMs,
    poll: () => fetcher.force(),
  });
  const socket = createSocketManager({
    connect: ctx.host.connect,
    onEvent: (event: JobEvent) => engine.push({ type: 'events', events: [event], receivedAt: now() }),
    onConnected: () => {
      // The resync's snapshot goes out with the next flush, not after a retry delay left over
      // from fetches that failed while the server was away.
      fetcher.resume();
      engine.push({ type: 'resync' });
      ctx.logs.socketConnected((name, payload) => socket.emit(name, payload));
    },
    onLog: (event) => ctx.logs.received(event),
    onStatus: (next) => {
      status = next;
      if (next.state !== 'live') ctx.logs.socketDown();
      ctx.setStatus(next);
      polling.update(downSince(next), now());
    },
    backoff: createBackoff({
      baseMs: tuning.reconnectBaseMs,
      steadyAttempts: tuning.reconnectSteadyAttempts,
      maxMs: tuning.reconnectMaxMs,
      factor: 2,
      jitter: tuning.reconnectJitter,
    }),
    attemptTimeoutMs: tuning.connectAttemptTimeoutMs,
    now,
    onInvalidEvent: (name, error) => ctx.report(error, `invalid ${name} event`),
  });
  socket.start();

  return {
    get status() {
      return status;
    },
    /** After each flush: a snapshot is fetched only with the socket up (else polling covers it). */
    afterFlush(wantsSnapshot: boolean): void {
      if (wantsSnapshot && status.state === 'live') fetcher.request();
    },
    /** The user's "Retry now" (from any tab). */
    retryNow(): void {
      socket.retryNow();
    },
    /** A follower joined or fell out of sync. */
    snapshotForFollowers(): void {
      fetcher.force();
    },
    stop(): void {
      polling.stop();
      fetcher.stop();
      socket.stop();
    },
  };
}
export type LeaderDuties = ReturnType<typeof startLeaderDuties>;
