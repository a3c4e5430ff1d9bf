import type { ActiveResponse, EnqueueRequest, JobRunSummary, LogLine } from '@jobs/contracts';
import type { Socket } from 'socket.io-client';
import type { RunAtom } from '../atoms/runFamily.js';
import type { LiveToast } from '../atoms/toasts.js';
import type { InvalidationKind } from '../election/relay.js';
import type { JotaiStore } from './storeSync.js';
import type { LiveTuning } from './tuning.js';

/** Everything that touches the outside world, injected by the host (no URL lives in this package). */
export interface LiveHost {
  /**
   * Builds the socket.io-client socket (prefer `autoConnect: false`). Called in the leader tab only,
   * and by `connectEarly`.
   */
  connect: () => Socket;
  fetchActive: () => Promise<ActiveResponse>;
  /** Recent runs (the first history page) to seed the panel. */
  fetchRecentRuns: () => Promise<JobRunSummary[]>;
  /** Throws on failure; the error's message is shown. */
  cancelRun: (id: string) => Promise<JobRunSummary>;
  retryRun?: (id: string) => Promise<JobRunSummary>;
  enqueue?: (request: EnqueueRequest) => Promise<JobRunSummary>;
  storage?: Storage;
  now?: () => number;
  notify?: (run: JobRunSummary) => void;
  /** Names the Web Lock and BroadcastChannel; tabs sharing it share one socket. */
  channelName?: string;
  tuning?: Partial<LiveTuning>;
  /** Diagnostics (invalid events, failed fetches); default: console.warn. */
  onError?: (error: unknown, context: string) => void;
}

export type ActionResult = { ok: true; run: JobRunSummary } | { ok: false; error: string };
export type LiveRole = 'leader' | 'follower' | 'stopped';

export interface LiveClient {
  readonly store: JotaiStore;
  /**
   * The active runs the page already holds (the server rendered from them), handed over before
   * `start()`: the client's list begins from them instead of empty. Nothing else changes: once the
   * socket connects the client resyncs and fetches `/active` as always. Ignored once the client has
   * started, been in sync or asked for a snapshot.
   */
  seed(snapshot: ActiveResponse): void;
  /**
   * Opens the socket now, before `start()`, when no other tab holds one: a page calls it before it
   * hydrates so that the handshake overlaps hydration; the session's socket is this one. Touches no
   * state (what the page hydrates from stays as the server rendered it). Unused (no `start()` within
   * 10 s, or the tab follows another after all), it is closed.
   */
  connectEarly(): void;
  /** Idempotent and counted; returns its own stop. Teardown waits a tick (StrictMode remounts). */
  start(): () => void;
  stop(): void;
  /** While the socket is down: try to reconnect now instead of at the next scheduled attempt. */
  retryNow(): void;
  cancel(runId: string): Promise<ActionResult>;
  /** The new run is watched (see `watch`). */
  retry(runId: string): Promise<ActionResult>;
  /** The new run is watched (see `watch`). */
  enqueue(request: EnqueueRequest): Promise<ActionResult>;
  /**
   * Announce this run's start and end, toast its success, notify when it ends. Asks for notification
   * permission unless `askPermission: false` (browsers allow asking only from a click).
   */
  watch(runId: string, options?: { askPermission?: boolean }): void;
  unwatch(runId: string): void;
  isWatched(runId: string): boolean;
  dismissToast(id: string): void;
  removeFromPanel(runId: string): void;
  /** Removes finished runs from the panel; active ones stay. */
  clearPanel(): void;
  onToast(listener: (toast: LiveToast) => void): () => void;
  onInvalidate(listener: (kind: InvalidationKind) => void): () => void;
  role(): LiveRole;
  /**
   * Live log lines of one run over the browser's one socket (the leader subscribes on behalf of
   * every tab). Lines already written come from the logs endpoint; merge by `line.seq`.
   */
  subscribeLogs(runId: string, listener: (line: LogLine) => void): () => void;
  /**
   * How a frame's store writes reach the screen. <LiveProvider> passes react-dom's `flushSync`, so
   * React commits inside the animation frame and the DOM changes before that frame paints.
   */
  setCommitWrapper(wrap: ((apply: () => void) => void) | null): void;
  /** The atom of one run (created on first use); hooks use this. */
  runAtom(runId: string): RunAtom;
}
