import { z } from 'zod';
import { JOB_RUN_STATUSES, JOB_UI_STATUSES } from './run-status.js';

export {
  ACTIVE_STATUSES,
  type ActiveStatus,
  canTransition,
  isActive,
  isTerminal,
  JOB_RUN_STATUSES,
  TERMINAL_STATUSES,
  type TerminalStatus,
  TRANSITIONS,
  uiStatusOf,
} from './run-status.js';

export const JobRunStatus = z.enum(JOB_RUN_STATUSES);
/** A status that is stored. */
export type JobRunStatus = z.infer<typeof JobRunStatus>;

/** What the UI shows: a stored status, or CANCEL_REQUESTED, which is never stored. */
export const JobUiStatus = z.enum(JOB_UI_STATUSES);
export type JobUiStatus = z.infer<typeof JobUiStatus>;
