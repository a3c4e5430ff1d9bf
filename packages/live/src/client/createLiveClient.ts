import { createStore } from 'jotai';
import { createRunFamily } from '../atoms/runFamily.js';
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
import type { LiveClient, LiveHost } from './types.js';
import { createWatched } from './watched.js';

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
  const host: LiveHost = { ...hostOptions, storage: hostOptions.storage ?? defaultStorage() };
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
    start() {
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
    cancel: actions.cancel,
    retry: actions.retry,
    enqueue: actions.enqueue,
    watch: (id) => {
      parts.watched.add(id);
      // Called from the user's click, the one moment a browser lets a page ask.
      if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
        void Notification.requestPermission().catch(() => {});
      }
    },
    unwatch: (id) => parts.watched.delete(id),
    isWatched: (id) => parts.watched.has(id),
    dismissToast: (id) => parts.toasts.dismiss(id),
    removeFromPanel: (id) => parts.panel.remove((run) => run.id === id),
    clearPanel: () => parts.panel.remove((run) => run.status !== 'QUEUED' && run.status !== 'RUNNING'),
    onToast: (listener) => parts.toasts.subscribe(listener),
    onInvalidate: (listener) => parts.invalidation.subscribe(listener),
    role: () => parts.role,
    runAtom: (id) => runs.get(id),
    setCommitWrapper: (wrap) => engine.setCommitWrapper(wrap),
    subscribeLogs: (runId, listener) => parts.logs.subscribe(runId, listener),
  };
}
