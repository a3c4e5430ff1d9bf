import type { JobEvent, JobLifecycleEvent } from './events.js';

// Names and the lifecycle test without zod, so the browser's socket code does not load zod's full build.

/** Socket.IO event names; the envelope's `type` equals the name it was emitted under. */
export const JOB_EVENT = {
  queued: 'server.admin.job_queued',
  started: 'server.admin.job_started',
  cancelRequested: 'server.admin.job_cancel_requested',
  completed: 'server.admin.job_completed',
  progress: 'server.admin.job_progress',
  log: 'server.admin.job_log',
} as const;
export type JobEventName = (typeof JOB_EVENT)[keyof typeof JOB_EVENT];
export const JOB_EVENT_NAMES = Object.values(JOB_EVENT) as JobEventName[];

/** Client → server messages. */
export const CLIENT_MESSAGE = {
  logsSubscribe: 'logs:subscribe',
  logsUnsubscribe: 'logs:unsubscribe',
} as const;

export function isLifecycleEvent(event: JobEvent): event is JobLifecycleEvent {
  return 'seq' in event;
}
