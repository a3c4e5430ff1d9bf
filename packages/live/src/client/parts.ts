import type { JobRunSummary } from '@jobs/contracts';
import type { LiveOutputs } from '../core/reducer.js';
import type { LiveState } from '../core/state.js';
import type { CancelRelay } from './cancelRelay.js';
import type { Engine, EngineInput } from './engine.js';
import type { Invalidation } from './invalidation.js';
import type { LogHub } from './logHub.js';
import type { Panel } from './panel.js';
import type { JotaiStore } from './storeSync.js';
import type { Toasts } from './toasts.js';
import type { LiveTuning } from './tuning.js';
import type { ActionResult, LiveHost, LiveRole } from './types.js';
import type { Watched } from './watched.js';

/** The pieces of one client, shared by the session and the actions. */
export interface ClientParts {
  host: LiveHost;
  tuning: LiveTuning;
  store: JotaiStore;
  engine: Engine;
  panel: Panel;
  toasts: Toasts;
  invalidation: Invalidation;
  watched: Watched;
  logs: LogHub;
  channelName: string;
  now: () => number;
  notify: (run: JobRunSummary) => void;
  report: (error: unknown, context: string) => void;
  role: LiveRole;
  /** Set while a session is open: a follower's cancels go through the leader. */
  cancelRelay: CancelRelay | null;
  /** The leader's own cancel (one request per run), also run for followers that ask. */
  cancelHere: (runId: string, options: { toast: boolean }) => Promise<ActionResult>;
  onFlushed: ((outputs: LiveOutputs, state: LiveState, applied: readonly EngineInput[]) => void) | null;
}
