export { activeRunIdsAtom } from './activeRunIds.js';
export { cancelsInFlightAtom } from './cancelsInFlight.js';
export { connectionAtom } from './connection.js';
export { lastEventAtAtom } from './lastEventAt.js';
export { panelRunsAtom } from './panelRuns.js';
export { createRunFamily, type RunAtom, type RunFamily } from './runFamily.js';
export { type LiveToast, toastsAtom } from './toasts.js';
