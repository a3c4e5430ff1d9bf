/**
 * Run statuses and their rules, without zod: these are what the browser needs at run time, and a
 * module that calls zod at load would bring zod's whole build into every page that shows a status.
 * status.ts builds the schemas from the same list.
 */
export const JOB_RUN_STATUSES = ['QUEUED', 'RUNNING', 'SUCCESS', 'FAILED', 'CANCELLED'] as const;
export const JOB_UI_STATUSES = [...JOB_RUN_STATUSES, 'CANCEL_REQUESTED'] as const;
type StoredStatus = (typeof JOB_RUN_STATUSES)[number];
type ShownStatus = (typeof JOB_UI_STATUSES)[number];

export const ACTIVE_STATUSES = ['QUEUED', 'RUNNING'] as const satisfies readonly StoredStatus[];
export const TERMINAL_STATUSES = [
  'SUCCESS',
  'FAILED',
  'CANCELLED',
] as const satisfies readonly StoredStatus[];
export type ActiveStatus = (typeof ACTIVE_STATUSES)[number];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

/** The only transitions a run may make; the server refuses any other. */
export const TRANSITIONS: Readonly<Record<StoredStatus, readonly StoredStatus[]>> = {
  QUEUED: ['RUNNING', 'CANCELLED'],
  RUNNING: ['SUCCESS', 'FAILED', 'CANCELLED'],
  SUCCESS: [],
  FAILED: [],
  CANCELLED: [],
};

export function canTransition(from: StoredStatus, to: StoredStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isTerminal(status: StoredStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

export function isActive(status: StoredStatus): status is ActiveStatus {
  return !isTerminal(status);
}

/**
 * The status to show: an active run whose cancel was asked for — by anyone (`cancelRequestedAt`)
 * or optimistically by this tab (`cancelPending`) — shows CANCEL_REQUESTED until it stops.
 */
export function uiStatusOf(
  run: { status: StoredStatus; cancelRequestedAt: string | null },
  cancelPending = false,
): ShownStatus {
  if (isActive(run.status) && (cancelPending || run.cancelRequestedAt !== null)) return 'CANCEL_REQUESTED';
  return run.status;
}
