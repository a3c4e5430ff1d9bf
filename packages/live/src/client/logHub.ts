import { CLIENT_MESSAGE, type JobLogEvent, type LogLine } from '@jobs/contracts';
import type { RelayMessage } from '../election/relay.js';

type Emit = (name: string, payload: unknown) => void;

/**
 * Log lines over the browser's one socket. Each tab tells the leader the set of runs it wants
 * lines for; the leader subscribes its socket to the union (again after every reconnect) and relays
 * each line to all tabs, which hand it to their own listeners.
 */
export function createLogHub() {
  const tabId = `tab-${Math.random().toString(36).slice(2)}`;
  const local = new Map<string, Set<(line: LogLine) => void>>();
  const tabs = new Map<string, ReadonlySet<string>>();
  const onSocket = new Set<string>();
  let post: (message: RelayMessage) => void = () => {};
  let leading = false;
  let emit: Emit | null = null;

  const reconcile = () => {
    if (!leading || !emit) return;
    const wanted = new Set<string>();
    for (const runIds of tabs.values()) for (const id of runIds) wanted.add(id);
    for (const id of wanted) {
      if (!onSocket.has(id)) emit(CLIENT_MESSAGE.logsSubscribe, { jobRunId: id });
      onSocket.add(id);
    }
    for (const id of [...onSocket]) {
      if (wanted.has(id)) continue;
      emit(CLIENT_MESSAGE.logsUnsubscribe, { jobRunId: id });
      onSocket.delete(id);
    }
  };
  const tabWants = (id: string, runIds: readonly string[]) => {
    if (runIds.length === 0) tabs.delete(id);
    else tabs.set(id, new Set(runIds));
    reconcile();
  };
  const announce = () => {
    const runIds = [...local.keys()];
    if (leading) tabWants(tabId, runIds);
    else post({ t: 'logs', tabId, runIds });
  };
  const deliver = (event: JobLogEvent) => {
    for (const listener of local.get(event.data.jobRunId) ?? []) listener(event.data.line);
  };

  return {
    subscribe(runId: string, listener: (line: LogLine) => void): () => void {
      const listeners = local.get(runId) ?? new Set();
      const fresh = listeners.size === 0;
      listeners.add(listener);
      local.set(runId, listeners);
      if (fresh) announce();
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || local.get(runId) !== listeners) return;
        local.delete(runId);
        announce();
      };
    },
    /** The session's relay (each start opens a new one). */
    attach(send: (message: RelayMessage) => void): void {
      post = send;
    },
    detach(): void {
      if (!leading) post({ t: 'logs', tabId, runIds: [] });
      leading = false;
      emit = null;
      post = () => {};
    },
    receive(message: RelayMessage): void {
      if (message.t === 'log' && !leading) deliver(message.event);
      else if (message.t === 'logs-query' && !leading) announce();
      else if (message.t === 'logs' && leading) tabWants(message.tabId, message.runIds);
    },
    becameLeader(): void {
      leading = true;
      tabs.clear();
      onSocket.clear();
      tabWants(tabId, [...local.keys()]);
      post({ t: 'logs-query' });
    },
    resigned(): void {
      leading = false;
      emit = null;
      onSocket.clear();
      tabs.clear();
    },
    /** The leader's socket (re)connected: the server forgot our subscriptions. */
    socketConnected(socketEmit: Emit): void {
      emit = socketEmit;
      onSocket.clear();
      reconcile();
    },
    socketDown(): void {
      emit = null;
      onSocket.clear();
    },
    /** A line from the leader's socket. */
    received(event: JobLogEvent): void {
      deliver(event);
      post({ t: 'log', event });
    },
  };
}
export type LogHub = ReturnType<typeof createLogHub>;
