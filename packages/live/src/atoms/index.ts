export { activeRunIdsAtom } from './activeRunIds.js';
export { type Announcement, announcementAtom } from './announcement.js';
export { cancelsInFlightAtom } from './cancelsInFlight.js';
export { connectionAtom } from './connection.js';
export { lastEventAtAtom } from './lastEventAt.js';
export { type PanelInProgress, panelInProgressAtom } from './panelInProgress.js';
export { panelRunsAtom } from './panelRuns.js';
export { createRunFamily, type RunAtom, type RunFamily } from './runFamily.js';
export { type LiveToast, toastsAtom } from './toasts.js';
