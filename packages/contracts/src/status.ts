import { z } from 'zod';

export const JOB_RUN_STATUSES = ['QUEUED', 'RUNNING', 'SUCCESS', 'FAILED', 'CANCELLED'] as const;
export const JobRunStatus = z.enum(JOB_RUN_STATUSES);
/** A status that is stored. */
export type JobRunStatus = z.infer<typeof JobRunStatus>;

/** What the UI shows: a stored status, or CANCEL_REQUESTED, which is never stored. */
export const JobUiStatus = z.enum([...JOB_RUN_STATUSES, 'CANCEL_REQUESTED']);
export type JobUiStatus = z.infer<typeof JobUiStatus>;

export const ACTIVE_STATUSES = ['QUEUED', 'RUNNING'] as const satisfies readonly JobRunStatus[];
export const TERMINAL_STATUSES = [
  'SUCCESS',
  'FAILED',
  'CANCELLED',
] as const satisfies readonly JobRunStatus[];
export type ActiveStatus = (typeof ACTIVE_STATUSES)[number];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

/** The only transitions a run may make; the server refuses any other. */
export const TRANSITIONS: Readonly<Record<JobRunStatus, readonly JobRunStatus[]>> = {
  QUEUED: ['RUNNING', 'CANCELLED'],
  RUNNING: ['SUCCESS', 'FAILED', 'CANCELLED'],
  SUCCESS: [],
  FAILED: [],
  CANCELLED: [],
};

export function canTransition(from: JobRunStatus, to: JobRunStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isTerminal(status: JobRunStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

export function isActive(status: JobRunStatus): status is ActiveStatus {
  return !isTerminal(status);
}

/**
 * The status to show: an active run whose cancel was asked for — by anyone (`cancelRequestedAt`)
 * or optimistically by this tab (`cancelPending`) — shows CANCEL_REQUESTED until it stops.
 */
export function uiStatusOf(
  run: { status: JobRunStatus; cancelRequestedAt: string | null },
  cancelPending = false,
): JobUiStatus {
  if (isActive(run.status) && (cancelPending || run.cancelRequestedAt !== null)) return 'CANCEL_REQUESTED';
  return run.status;
}
