import { z } from 'zod';
import { JOB_EVENT } from './event-names.js';
import { LogLine } from './log.js';
import { JobRunSummary } from './run.js';

export {
  CLIENT_MESSAGE,
  isLifecycleEvent,
  JOB_EVENT,
  JOB_EVENT_NAMES,
  type JobEventName,
} from './event-names.js';

export const LogsSubscription = z.object({ jobRunId: z.string().min(1).max(64) });
export type LogsSubscription = z.infer<typeof LogsSubscription>;

const EventIds = {
  jobRunId: z.string().min(1).max(64),
  jobName: z.string(),
  version: z.number().int().nonnegative(),
};
const At = z.iso.datetime({ offset: true });
/** Rises by one per lifecycle event across all runs, so a gap shows a missed event. */
const Seq = z.number().int().min(1);

function lifecycle<T extends string, D extends z.ZodRawShape>(type: T, data: D) {
  return z.object({ type: z.literal(type), at: At, seq: Seq, data: z.object({ ...EventIds, ...data }) });
}

export const JobQueuedEvent = lifecycle(JOB_EVENT.queued, { run: JobRunSummary });
export const JobStartedEvent = lifecycle(JOB_EVENT.started, { run: JobRunSummary });
export const JobCancelRequestedEvent = lifecycle(JOB_EVENT.cancelRequested, { cancelRequestedAt: At });
export const JobCompletedEvent = lifecycle(JOB_EVENT.completed, { run: JobRunSummary });

/** Lossy by design: latest wins by `version`; no `seq`; may be sent volatile. */
export const JobProgressEvent = z.object({
  type: z.literal(JOB_EVENT.progress),
  at: At,
  data: z.object({
    ...EventIds,
    progressPercent: z.number().min(0).max(100).optional(),
    message: z.string().optional(),
    current: z.number().finite().optional(),
    total: z.number().finite().optional(),
  }),
});

/** Sent only to sockets that asked for the run's logs; the line carries its own per-run seq. */
export const JobLogEvent = z.object({
  type: z.literal(JOB_EVENT.log),
  at: At,
  data: z.object({ ...EventIds, line: LogLine }),
});

export const JobLifecycleEvent = z.discriminatedUnion('type', [
  JobQueuedEvent,
  JobStartedEvent,
  JobCancelRequestedEvent,
  JobCompletedEvent,
]);
export const JobEvent = z.discriminatedUnion('type', [
  JobQueuedEvent,
  JobStartedEvent,
  JobCancelRequestedEvent,
  JobCompletedEvent,
  JobProgressEvent,
  JobLogEvent,
]);

export type JobQueuedEvent = z.infer<typeof JobQueuedEvent>;
export type JobStartedEvent = z.infer<typeof JobStartedEvent>;
export type JobCancelRequestedEvent = z.infer<typeof JobCancelRequestedEvent>;
export type JobCompletedEvent = z.infer<typeof JobCompletedEvent>;
export type JobProgressEvent = z.infer<typeof JobProgressEvent>;
export type JobLogEvent = z.infer<typeof JobLogEvent>;
export type JobLifecycleEvent = z.infer<typeof JobLifecycleEvent>;
export type JobEvent = z.infer<typeof JobEvent>;
