import * as light from '@jobs/contracts/light';
import { createStore } from 'jotai';
import type { Socket } from 'socket.io-client';
import { createRunFamily } from '../atoms/runFamily.js';
import { leaderExists } from '../election/leaderElection.js';
import { createActions } from './actions.js';
import { createEngine } from './engine.js';
import { createInvalidation } from './invalidation.js';
import { createLogHub } from './logHub.js';
import { createPanel } from './panel.js';
import type { ClientParts } from './parts.js';
import { openSession } from './session.js';
import { browserNotify } from './sideEffects.js';
import { createToasts } from './toasts.js';
import { DEFAULT_TUNING } from './tuning.js';
import type { ActionResult, LiveClient, LiveHost } from './types.js';
import { createWatched } from './watched.js';

/** How long a socket `connectEarly` opened waits for `start()`, then for the leader to take it. */
const EARLY_SOCKET_UNSTARTED_MS = 10_000;
const EARLY_SOCKET_UNCLAIMED_MS = 1_000;

const defaultStorage = (): Storage | undefined => {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
};

/**
 * Builds a client. Creating it has no side effects (safe during server rendering); `start()`
 * opens the session: election, relay and — in the leader tab — the socket.
 */
export function createLiveClient(hostOptions: LiveHost): LiveClient {
  /** A socket `connectEarly` opened, until the leader's first connect takes it. */
  let early: Socket | null = null;
  const host: LiveHost = {
    ...hostOptions,
    storage: hostOptions.storage ?? defaultStorage(),
    connect: () => {
      const socket = early ?? hostOptions.connect();
      early = null;
      return socket;
    },
  };
  const tuning = { ...DEFAULT_TUNING, ...host.tuning };
  const now = host.now ?? Date.now;
  const store = createStore();
  const runs = createRunFamily((id) => parts.engine.state.runs.get(id));
  const engine = createEngine(store, runs, (outputs, state, applied) =>
    parts.onFlushed?.(outputs, state, applied),
  );
  const parts: ClientParts = {
    host,
    tuning,
    store,
    engine,
    panel: createPanel(store, host.storage, tuning.persistEveryMs),
    toasts: createToasts(store, tuning.toastLimit, now),
    invalidation: createInvalidation(tuning.invalidateEveryMs),
    watched: createWatched(host.storage),
    logs: createLogHub(),
    channelName: host.channelName ?? 'jobs-live',
    now,
    notify: browserNotify,
    report: host.onError ?? ((error, context) => console.warn(`[@jobs/live] ${context}:`, error)),
    role: 'stopped',
    cancelRelay: null,
    cancelHere: (runId, options) => actions.cancelHere(runId, options),
    onFlushed: null,
  };
  const actions = createActions(host, store, engine, parts.toasts, () =>
    parts.role === 'follower' ? parts.cancelRelay : null,
  );
  const watchStarted = (result: ActionResult): ActionResult => {
    if (result.ok) parts.watched.add(result.run.id);
    return result;
  };
  /** Closes the early socket unless the leader has taken it by then. */
  const dropEarlyAfter = (ms: number) => {
    const socket = early;
    if (!socket) return;
    setTimeout(() => {
      if (early !== socket) return;
      early = null;
      socket.disconnect();
    }, ms);
  };
  let session: ReturnType<typeof openSession> | null = null;
  let starts = 0;
  let teardown: ReturnType<typeof setTimeout> | null = null;

  const stop = () => {
    starts = Math.max(0, starts - 1);
    if (starts > 0 || !session || teardown !== null) return;
    // StrictMode unmounts and remounts at once: wait a tick so the socket survives it.
    teardown = setTimeout(() => {
      teardown = null;
      if (starts === 0) {
        session?.close();
        session = null;
      }
    }, 0);
  };

  return {
    store,
    seed(snapshot) {
      const { state } = engine;
      if (session !== null || state.synced || state.epoch !== 0) return;
      engine.push({ type: 'snapshot', snapshot: light.ActiveResponse.parse(snapshot), epoch: 'current' });
    },
    connectEarly() {
      if (session !== null || early !== null) return;
      void leaderExists(parts.channelName).then((held) => {
        // Another tab holds the socket (this one will follow), or this one has started meanwhile.
        if (held || session !== null || early !== null) return;
        early = hostOptions.connect().connect();
        dropEarlyAfter(EARLY_SOCKET_UNSTARTED_MS);
      });
    },
    start() {
      // The election grants a free lock at once; a tab that follows after all drops its socket.
      dropEarlyAfter(EARLY_SOCKET_UNCLAIMED_MS);
      starts += 1;
      if (teardown !== null) clearTimeout(teardown);
      teardown = null;
      session ??= openSession(parts);
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        stop();
      };
    },
    stop,
    retryNow: () => session?.retryNow(),
    cancel: actions.cancel,
    // A run the user started is watched: its start and end are announced, its success toasted.
    retry: (id) => actions.retry(id).then(watchStarted),
    enqueue: (request) => actions.enqueue(request).then(watchStarted),
    watch: (id, options) => {
      parts.watched.add(id);
      // Called from the user's click, the one moment a browser lets a page ask.
      const ask = options?.askPermission ?? true;
      if (ask && typeof Notification !== 'undefined' && Notification.permission === 'default') {
        void Notification.requestPermission().catch(() => {});
      }
    },
    unwatch: (id) => parts.watched.delete(id),
    isWatched: (id) => parts.watched.has(id),
    dismissToast: (id) => parts.toasts.dismiss(id),
    removeFromPanel: (id) => parts.panel.remove((run) => run.id === id),
    clearPanel: () => parts.panel.clearFinished(),
    onToast: (listener) => parts.toasts.subscribe(listener),
    onInvalidate: (listener) => parts.invalidation.subscribe(listener),
    role: () => parts.role,
    runAtom: (id) => runs.get(id),
    setCommitWrapper: (wrap) => engine.setCommitWrapper(wrap),
    subscribeLogs: (runId, listener) => parts.logs.subscribe(runId, listener),
  };
}
