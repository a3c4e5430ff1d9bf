import type {
  ActiveResponse,
  JobEvent,
  JobLifecycleEvent,
  JobProgressEvent,
  JobRunSummary,
} from '@jobs/contracts';
import { PatchMap } from './patchMap.js';

/**
 * What one tab knows about the active runs. `lastSeq` is meaningful only while `synced`: the state
 * then reflects every lifecycle event up to it. Out of sync (at start, after a reconnect or a seq
 * gap) lifecycle events wait in `buffer` until a snapshot for the current `epoch` arrives.
 */
export interface LiveState {
  readonly runs: PatchMap<JobRunSummary>;
  readonly synced: boolean;
  readonly lastSeq: number;
  /** Bumped whenever the state falls out of sync; a snapshot asked for earlier is stale. */
  readonly epoch: number;
  readonly buffer: readonly JobLifecycleEvent[];
  /** Out of sync: the newest progress per run not held yet, applied after the snapshot. */
  readonly pendingProgress: PatchMap<JobProgressEvent>;
  /** Runs that left the active set, with the version they left at, so nothing resurrects them. */
  readonly left: PatchMap<number>;
  readonly lastEventAt: number | null;
  /** Outputs accumulated since the last `drainOutputs`. */
  readonly effects: readonly LiveEffect[];
  readonly touched: ReadonlySet<string>;
  readonly membershipChanged: boolean;
}

export type LiveInput =
  | { readonly type: 'events'; readonly events: readonly JobEvent[]; readonly receivedAt: number }
  | { readonly type: 'snapshot'; readonly snapshot: ActiveResponse; readonly epoch: number }
  /** The socket (re)connected: anything may have been missed. */
  | { readonly type: 'resync' }
  /** A run returned by one of this tab's own requests (cancel, retry, enqueue). */
  | { readonly type: 'local-run'; readonly run: JobRunSummary };

/**
 * What the reducer found out, for side effects. Every run that leaves the active set yields
 * exactly one `finished` (status known) or `vanished` (gone from a snapshot, status unknown).
 */
export type LiveEffect =
  | { readonly type: 'appeared'; readonly run: JobRunSummary }
  | { readonly type: 'finished'; readonly run: JobRunSummary }
  | { readonly type: 'vanished'; readonly run: JobRunSummary };

/** How many left runs are remembered; older ones cannot come back through seq-ordered events. */
export const LEFT_MEMORY = 5000;
/** Lifecycle events kept while out of sync; past this the oldest go and a later gap re-snapshots. */
export const BUFFER_LIMIT = 20_000;

export function initialLiveState(): LiveState {
  return {
    runs: PatchMap.of<JobRunSummary>(),
    synced: false,
    lastSeq: 0,
    epoch: 0,
    buffer: [],
    pendingProgress: PatchMap.of<JobProgressEvent>(),
    left: PatchMap.of<number>(),
    lastEventAt: null,
    effects: [],
    touched: new Set(),
    membershipChanged: false,
  };
}

/** True when the host should fetch `/active` for `state.epoch`. */
export function wantsSnapshot(state: LiveState): boolean {
  return !state.synced;
}
