/**
 * @jobs/live — one Socket.IO connection per browser feeding a Jotai store that converges on the
 * server's active runs. See README.md for the API and docs/decisions/040–045 for the reasons.
 */
export {
  type Announcement,
  activeRunIdsAtom,
  announcementAtom,
  cancelsInFlightAtom,
  connectionAtom,
  type LiveToast,
  lastEventAtAtom,
  type PanelInProgress,
  panelInProgressAtom,
  panelRunsAtom,
  toastsAtom,
} from './atoms/index.js';
export { createLiveClient } from './client/createLiveClient.js';
export { createFrameScheduler, type FrameScheduler } from './client/frameScheduler.js';
export { PANEL_ACTIVE_ROWS } from './client/panelInProgress.js';
export { PANEL_KEY, PANEL_LIMIT, PANEL_VERSION } from './client/panelStorage.js';
export { announcementOf, planSideEffects, type SideEffectPlan } from './client/sideEffects.js';
export { DEFAULT_TUNING, type LiveTuning } from './client/tuning.js';
export type { ActionResult, LiveClient, LiveHost, LiveRole } from './client/types.js';
export {
  drainOutputs,
  initialLiveState,
  type LiveEffect,
  type LiveInput,
  type LiveOutputs,
  type LiveState,
  mergeRun,
  reduceLive,
  wantsSnapshot,
} from './core/index.js';
export type { InvalidationKind } from './election/relay.js';
export { createHttpHost, type HttpHost, type HttpHostOptions } from './host/httpHost.js';
export { useLiveClient } from './react/context.js';
export { LiveProvider, type LiveProviderProps } from './react/LiveProvider.js';
export { useCancelRun, useEnqueue, useRetryRun } from './react/useActions.js';
export { useAnnouncement } from './react/useAnnouncement.js';
export { useConnection, useLastEventAt } from './react/useConnection.js';
export { useInvalidation } from './react/useInvalidation.js';
export { useLogSubscription } from './react/useLogs.js';
export { usePanelInProgress, usePanelRuns } from './react/usePanel.js';
export { useActiveCount, useActiveRunIds, useCancelPending, useRun, useUiStatus } from './react/useRuns.js';
export { useToasts } from './react/useToasts.js';
export { type BackoffOptions, createBackoff } from './socket/backoff.js';
export { type ConnectionStatus, downSince } from './socket/status.js';
