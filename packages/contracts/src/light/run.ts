import * as v from 'valibot';
import { LIMITS, TRUNCATION_MARKER } from '../limits.js';
import { JOB_RUN_STATUSES } from '../run-status.js';
import { finiteNumber, intAtLeast, isoDateTime, jsonObject, object, stringBetween } from './parser.js';

// The light twins of run.ts and log.ts: same fields, same bounds (light.test.ts holds them equal).

const nonNegative = () => intAtLeast(0);
const name = () => stringBetween(1, LIMITS.nameMax);
const shortText = () => v.nullable(v.pipe(v.string(), v.maxLength(LIMITS.nameMax)));

export const JobError = object({
  message: v.string(),
  stack: v.optional(v.string()),
  code: v.optional(v.string()),
  truncated: v.optional(v.boolean()),
});

export const JobProgress = object({
  percent: v.optional(v.pipe(finiteNumber(), v.minValue(0), v.maxValue(100))),
  message: v.optional(v.string()),
  current: v.optional(finiteNumber()),
  total: v.optional(finiteNumber()),
});

export const JobRunSummary = object({
  id: stringBetween(1, 64),
  jobName: name(),
  status: v.picklist(JOB_RUN_STATUSES),
  trigger: v.picklist(['MANUAL', 'CRON', 'EVENT', 'RETRY']),
  triggeredBy: shortText(),
  scope: shortText(),
  algorithmVersion: shortText(),
  error: v.nullable(JobError),
  progress: v.nullable(JobProgress),
  queuedAt: isoDateTime(),
  startedAt: v.nullable(isoDateTime()),
  finishedAt: v.nullable(isoDateTime()),
  lastHeartbeatAt: v.nullable(isoDateTime()),
  cancelRequestedAt: v.nullable(isoDateTime()),
  durationMs: v.nullable(nonNegative()),
  queueDelayMs: v.nullable(nonNegative()),
  attempt: intAtLeast(1),
  retryOf: v.nullable(v.string()),
  version: nonNegative(),
  params: v.nullable(jsonObject()),
  metadata: v.nullable(jsonObject()),
  paramsTruncated: v.boolean(),
  metadataTruncated: v.boolean(),
});

export const LogLine = object({
  seq: nonNegative(),
  at: isoDateTime(),
  level: v.picklist(['debug', 'info', 'warn', 'error']),
  message: v.pipe(v.string(), v.maxLength(LIMITS.logMessageBytes + TRUNCATION_MARKER.length)),
});
