import { z } from 'zod';
import { JsonObject, jsonBytes } from './json.js';
import { LIMITS } from './limits.js';
import { JobRunStatus } from './status.js';

export { displayRunId } from './run-id.js';

export const JobTrigger = z.enum(['MANUAL', 'CRON', 'EVENT', 'RETRY']);
export type JobTrigger = z.infer<typeof JobTrigger>;

const IsoDate = z.iso.datetime({ offset: true });
const NullableIso = IsoDate.nullable();
const Name = z.string().min(1).max(LIMITS.nameMax);

export const JobError = z.object({
  message: z.string(),
  stack: z.string().optional(),
  code: z.string().optional(),
  /** set on summaries whose message or stack was cut to `LIMITS.summaryErrorBytes`; details have it whole */
  truncated: z.boolean().optional(),
});
export type JobError = z.infer<typeof JobError>;

const encoder = new TextEncoder();
const utf8Bytes = (text: string) => encoder.encode(text).length;

/** The longest prefix of `text` within `bytes` UTF-8 bytes, never splitting a character. */
function cutToBytes(text: string, bytes: number): string {
  if (bytes <= 0) return '';
  if (utf8Bytes(text) <= bytes) return text;
  let lo = 0;
  let hi = Math.min(text.length, bytes);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (utf8Bytes(text.slice(0, mid)) <= bytes) lo = mid;
    else hi = mid - 1;
  }
  // do not leave half of a surrogate pair at the end
  const last = text.charCodeAt(lo - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, lo - 1) : text.slice(0, lo);
}

/**
 * A run's error as lists and events carry it: message and stack within `summaryErrorBytes` UTF-8
 * bytes in all (the message first, up to half the budget or all it needs; the stack gets the
 * rest), with `truncated: true` when anything was cut. The whole error stays in the details.
 */
export function summarizeError(error: JobError | null): JobError | null {
  if (error === null) return null;
  const budget = LIMITS.summaryErrorBytes;
  const messageBytes = utf8Bytes(error.message);
  const stackBytes = error.stack === undefined ? 0 : utf8Bytes(error.stack);
  if (messageBytes + stackBytes <= budget) return error;
  const message = cutToBytes(error.message, Math.max(budget - stackBytes, budget / 2));
  const stack = error.stack === undefined ? undefined : cutToBytes(error.stack, budget - utf8Bytes(message));
  return {
    message,
    ...(stack ? { stack } : {}),
    ...(error.code !== undefined ? { code: error.code } : {}),
    truncated: true,
  };
}

export const JobProgress = z.object({
  percent: z.number().min(0).max(100).optional(),
  message: z.string().optional(),
  current: z.number().finite().optional(),
  total: z.number().finite().optional(),
});
export type JobProgress = z.infer<typeof JobProgress>;

const runFields = {
  id: z.string().min(1).max(64),
  jobName: Name,
  status: JobRunStatus,
  trigger: JobTrigger,
  triggeredBy: z.string().max(LIMITS.nameMax).nullable(),
  scope: z.string().max(LIMITS.nameMax).nullable(),
  algorithmVersion: z.string().max(LIMITS.nameMax).nullable(),
  error: JobError.nullable(),
  progress: JobProgress.nullable(),
  queuedAt: IsoDate,
  startedAt: NullableIso,
  finishedAt: NullableIso,
  lastHeartbeatAt: NullableIso,
  cancelRequestedAt: NullableIso,
  durationMs: z.number().int().nonnegative().nullable(),
  queueDelayMs: z.number().int().nonnegative().nullable(),
  attempt: z.number().int().min(1),
  retryOf: z.string().nullable(),
  version: z.number().int().nonnegative(),
};

/** A run as stored: params and metadata whole. */
export const JobRun = z.object({ ...runFields, params: JsonObject, metadata: JsonObject.nullable() });
export type JobRun = z.infer<typeof JobRun>;

/** A run in lists and events: params/metadata over 1 kB are left out and flagged. */
export const JobRunSummary = z.object({
  ...runFields,
  params: JsonObject.nullable(),
  metadata: JsonObject.nullable(),
  paramsTruncated: z.boolean(),
  metadataTruncated: z.boolean(),
});
export type JobRunSummary = z.infer<typeof JobRunSummary>;

/** Where to fetch a value that was too large to send inline. */
export const OversizedValue = z.object({ bytes: z.number().int().nonnegative(), href: z.string() });
export type OversizedValue = z.infer<typeof OversizedValue>;

/** A run as the details endpoint returns it: values whole up to 256 kB, past that a marker. */
export const JobRunDetails = JobRunSummary.extend({
  tooLarge: z.object({ params: OversizedValue.optional(), metadata: OversizedValue.optional() }),
});
export type JobRunDetails = z.infer<typeof JobRunDetails>;

function fits(value: JsonObject | null, limit: number): boolean {
  return value === null || jsonBytes(value) <= limit;
}

export function toSummary(run: JobRun): JobRunSummary {
  const paramsFit = fits(run.params, LIMITS.summaryJsonBytes);
  const metadataFit = fits(run.metadata, LIMITS.summaryJsonBytes);
  return {
    ...run,
    error: summarizeError(run.error),
    params: paramsFit ? run.params : null,
    metadata: metadataFit ? run.metadata : null,
    paramsTruncated: !paramsFit,
    metadataTruncated: !metadataFit,
  };
}

/** `rawHref(runId, field)` tells where the raw value is downloadable (it differs per host). */
export function toDetails(run: JobRun, rawHref: (field: 'params' | 'metadata') => string): JobRunDetails {
  const tooLarge: JobRunDetails['tooLarge'] = {};
  const keep = (field: 'params' | 'metadata', value: JsonObject | null): JsonObject | null => {
    if (value === null) return null;
    const bytes = jsonBytes(value);
    if (bytes <= LIMITS.detailsJsonBytes) return value;
    tooLarge[field] = { bytes, href: rawHref(field) };
    return null;
  };
  const params = keep('params', run.params);
  const metadata = keep('metadata', run.metadata);
  return {
    ...run,
    params,
    metadata,
    paramsTruncated: params === null,
    metadataTruncated: run.metadata !== null && metadata === null,
    tooLarge,
  };
}
