import * as v from 'valibot';
import { JOB_EVENT } from '../event-names.js';
import { finiteNumber, intAtLeast, isoDateTime, object, stringBetween } from './parser.js';
import { JobRunSummary, LogLine } from './run.js';

// The light twins of events.ts (light.test.ts holds them equal).

const ids = {
  jobRunId: stringBetween(1, 64),
  jobName: v.string(),
  version: intAtLeast(0),
};

function lifecycle<T extends string, D extends v.ObjectEntries>(type: T, data: D) {
  return object({
    type: v.literal(type),
    at: isoDateTime(),
    seq: intAtLeast(1),
    data: object({ ...ids, ...data }),
  });
}

export const JobQueuedEvent = lifecycle(JOB_EVENT.queued, { run: JobRunSummary });
export const JobStartedEvent = lifecycle(JOB_EVENT.started, { run: JobRunSummary });
export const JobCancelRequestedEvent = lifecycle(JOB_EVENT.cancelRequested, {
  cancelRequestedAt: isoDateTime(),
});
export const JobCompletedEvent = lifecycle(JOB_EVENT.completed, { run: JobRunSummary });

export const JobProgressEvent = object({
  type: v.literal(JOB_EVENT.progress),
  at: isoDateTime(),
  data: object({
    ...ids,
    progressPercent: v.optional(v.pipe(finiteNumber(), v.minValue(0), v.maxValue(100))),
    message: v.optional(v.string()),
    current: v.optional(finiteNumber()),
    total: v.optional(finiteNumber()),
  }),
});

export const JobLogEvent = object({
  type: v.literal(JOB_EVENT.log),
  at: isoDateTime(),
  data: object({ ...ids, line: LogLine }),
});

/** Every event a socket may carry, keyed by `type` as the contract's discriminated union. */
export const JOB_EVENT_SCHEMAS = {
  [JOB_EVENT.queued]: JobQueuedEvent,
  [JOB_EVENT.started]: JobStartedEvent,
  [JOB_EVENT.cancelRequested]: JobCancelRequestedEvent,
  [JOB_EVENT.completed]: JobCompletedEvent,
  [JOB_EVENT.progress]: JobProgressEvent,
  [JOB_EVENT.log]: JobLogEvent,
};
