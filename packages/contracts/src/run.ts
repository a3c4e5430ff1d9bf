import { z } from 'zod';
import { JsonObject, jsonBytes } from './json.js';
import { LIMITS } from './limits.js';
import { JobRunStatus } from './status.js';

export const JobTrigger = z.enum(['MANUAL', 'CRON', 'EVENT', 'RETRY']);
export type JobTrigger = z.infer<typeof JobTrigger>;

const IsoDate = z.iso.datetime({ offset: true });
const NullableIso = IsoDate.nullable();
const Name = z.string().min(1).max(LIMITS.nameMax);

export const JobError = z.object({
  message: z.string(),
  stack: z.string().optional(),
  code: z.string().optional(),
});
export type JobError = z.infer<typeof JobError>;

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

/** How a run is named to people: `#12847`. */
export function displayRunId(id: string): string {
  return `#${id}`;
}
