import type { ActiveResponse, JobEvent, JobLogEvent } from '@jobs/contracts';
import type { ActionResult } from '../client/types.js';
import type { ConnectionStatus } from '../socket/status.js';

/** What the leader passes on, in the order it applied it, so followers reduce the same inputs. */
export type RelayedInput =
  | { type: 'events'; events: JobEvent[]; receivedAt: number }
  | { type: 'resync' }
  | { type: 'snapshot'; snapshot: ActiveResponse };

export type InvalidationKind = 'stats' | 'history';

export interface RelayedToast {
  kind: 'error' | 'success' | 'info';
  title: string;
  message: string;
  runId?: string;
}

export type RelayMessage =
  | { t: 'inputs'; inputs: RelayedInput[] }
  | { t: 'status'; status: ConnectionStatus }
  | { t: 'effects'; toasts: RelayedToast[]; invalidate: InvalidationKind[]; announce: string[] }
  /** Follower → leader: I am new (or out of sync): send the status and a fresh snapshot. */
  | { t: 'hello' }
  | { t: 'need-snapshot' }
  /** Follower → leader: the user pressed "Retry now"; the leader's socket tries at once. */
  | { t: 'retry-now' }
  /** A tab's whole set of runs whose log lines it wants (state, not deltas: idempotent). */
  | { t: 'logs'; tabId: string; runIds: string[] }
  /** A new leader asks every tab for its log subscriptions. */
  | { t: 'logs-query' }
  | { t: 'log'; event: JobLogEvent }
  /** Follower → leader: cancel this run (the leader sends the browser's one request per run). */
  | { t: 'cancel'; id: string; runId: string }
  /** Leader → the asking tab: taken; then the outcome once the server answered. */
  | { t: 'cancel-ack'; id: string }
  | { t: 'cancel-result'; id: string; outcome: ActionResult };

const KINDS = new Set([
  'inputs',
  'status',
  'effects',
  'hello',
  'need-snapshot',
  'retry-now',
  'logs',
  'logs-query',
  'log',
  'cancel',
  'cancel-ack',
  'cancel-result',
]);

/** Same-origin tabs of this app are the only senders; the check guards against other code's messages. */
export function isRelayMessage(data: unknown): data is RelayMessage {
  return typeof data === 'object' && data !== null && KINDS.has((data as { t?: unknown }).t as string);
}

export interface Relay {
  post(message: RelayMessage): void;
  close(): void;
}

export function openRelay(name: string, receive: (message: RelayMessage) => void): Relay {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
  const channel = new BroadcastChannel(`${name}:relay`);
  channel.onmessage = (event: MessageEvent) => {
    if (isRelayMessage(event.data)) receive(event.data);
  };
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}
