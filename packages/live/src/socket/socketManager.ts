import { JOB_EVENT, type JobEvent, type JobLogEvent } from '@jobs/contracts';
import * as light from '@jobs/contracts/light';
import type { Socket } from 'socket.io-client';
import type { ConnectionStatus } from './status.js';

export interface SocketManagerOptions {
  connect: () => Socket;
  onEvent: (event: JobEvent) => void;
  /** Log lines (only for runs this socket subscribed to). */
  onLog?: (event: JobLogEvent) => void;
  /** Every (re)connect: events may have been missed, the caller resyncs. */
  onConnected: () => void;
  onStatus: (status: ConnectionStatus) => void;
  /** Delay before reconnect attempt n (1-based). */
  backoff: (attempt: number) => number;
  /**
   * An attempt that has neither connected nor failed by then is given up and the next one
   * scheduled: a relay that accepts the connection but never answers must not hold the page on
   * one attempt (Socket.IO's own timeout is 20 s).
   */
  attemptTimeoutMs: number;
  now: () => number;
  onInvalidEvent?: (name: string, error: unknown) => void;
}

const LISTENED = [
  JOB_EVENT.queued,
  JOB_EVENT.started,
  JOB_EVENT.cancelRequested,
  JOB_EVENT.completed,
  JOB_EVENT.progress,
];

/**
 * Owns the one socket of this browser (only the leader tab runs it). Socket.IO's own reconnection
 * is switched off so that the next attempt's time is known and shown; attempts back off with jitter
 * and pause while the browser says it is offline.
 */
export function createSocketManager(options: SocketManagerOptions) {
  let socket: Socket | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let watchdog: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let since = options.now();
  const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;

  const report = (status: ConnectionStatus) => options.onStatus(status);
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const clearWatchdog = () => {
    if (watchdog !== null) clearTimeout(watchdog);
    watchdog = null;
  };
  /**
   * Starts one attempt now, bounded by `attemptTimeoutMs`. `joining`: the host handed over a socket
   * it had already started connecting; asking again would send a second namespace CONNECT.
   */
  const attemptNow = (joining = false) => {
    const current = socket;
    if (!current || current.connected) return;
    // An attempt still under way (a "Retry now" during it) is dropped so that a fresh one starts.
    if (watchdog !== null) current.disconnect();
    clearWatchdog();
    watchdog = setTimeout(() => {
      watchdog = null;
      if (socket !== current || current.connected) return;
      // Closes the half-open attempt ('io client disconnect' is ignored below) and tries again.
      current.disconnect();
      scheduleReconnect();
    }, options.attemptTimeoutMs);
    if (!joining) current.connect();
  };
  const scheduleReconnect = () => {
    clearWatchdog();
    if (!socket || timer !== null) return;
    if (!online()) {
      report({ state: 'offline', since });
      return;
    }
    attempt += 1;
    const delay = options.backoff(attempt);
    report({ state: 'reconnecting', since, attempt, nextAttemptAt: options.now() + delay });
    timer = setTimeout(() => {
      timer = null;
      attemptNow();
    }, delay);
  };
  const onConnect = () => {
    attempt = 0;
    clearTimer();
    clearWatchdog();
    report({ state: 'live', since: options.now() });
    options.onConnected();
  };
  const onDisconnect = (reason: Socket.DisconnectReason) => {
    if (reason === 'io client disconnect') return;
    since = options.now();
    scheduleReconnect();
  };
  const onConnectError = () => scheduleReconnect();
  const onOffline = () => {
    clearTimer();
    clearWatchdog();
    if (socket && !socket.connected) report({ state: 'offline', since });
  };
  const onOnline = () => {
    if (!socket || socket.connected) return;
    clearTimer();
    attempt = 0;
    report({ state: 'connecting', since });
    attemptNow();
  };
  const listeners = LISTENED.map((name) => {
    const listener = (payload: unknown) => {
      const parsed = light.JobEvent.safeParse(payload);
      if (parsed.success && parsed.data.type === name) options.onEvent(parsed.data);
      else options.onInvalidEvent?.(name, parsed.error ?? new Error(`type does not match ${name}`));
    };
    return [name, listener] as const;
  });
  const onLogLine = (payload: unknown) => {
    const parsed = light.JobLogEvent.safeParse(payload);
    if (parsed.success) options.onLog?.(parsed.data);
    else options.onInvalidEvent?.(JOB_EVENT.log, parsed.error);
  };

  return {
    start(): void {
      if (socket) return;
      since = options.now();
      socket = options.connect();
      socket.io.reconnection(false);
      socket.on('connect', onConnect);
      socket.on('disconnect', onDisconnect);
      socket.on('connect_error', onConnectError);
      for (const [name, listener] of listeners) socket.on(name, listener);
      socket.on(JOB_EVENT.log, onLogLine);
      globalThis.addEventListener?.('offline', onOffline);
      globalThis.addEventListener?.('online', onOnline);
      report({ state: 'connecting', since });
      // The socket may have been opened early (`connectEarly`, while the page hydrates): connected
      // already, it is live now; still connecting (`active`), its attempt is waited for.
      if (socket.connected) onConnect();
      else if (online()) attemptNow(socket.active);
      else report({ state: 'offline', since });
    },
    /** The user's "Retry now": the waiting attempt starts at once (also while offline, on request). */
    retryNow(): void {
      if (!socket || socket.connected) return;
      clearTimer();
      report({ state: 'reconnecting', since, attempt: Math.max(1, attempt), nextAttemptAt: options.now() });
      attemptNow();
    },
    stop(): void {
      clearTimer();
      clearWatchdog();
      globalThis.removeEventListener?.('offline', onOffline);
      globalThis.removeEventListener?.('online', onOnline);
      const closing = socket;
      socket = null;
      if (!closing) return;
      closing.off('connect', onConnect);
      closing.off('disconnect', onDisconnect);
      closing.off('connect_error', onConnectError);
      for (const [name, listener] of listeners) closing.off(name, listener);
      closing.off(JOB_EVENT.log, onLogLine);
      closing.disconnect();
    },
    emit(name: string, payload: unknown): void {
      socket?.emit(name, payload);
    },
    get socket(): Socket | null {
      return socket;
    },
  };
}
export type SocketManager = ReturnType<typeof createSocketManager>;
