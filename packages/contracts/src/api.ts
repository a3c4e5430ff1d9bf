import { z } from 'zod';
import { ApiError } from './api-error.js';
import { JobDefinition } from './definition.js';
import { JsonObject } from './json.js';
import { LIMITS } from './limits.js';
import { LogLine } from './log.js';
import { clampedInt, QueryFlag } from './query.js';
import { JobRunDetails, JobRunSummary } from './run.js';
import { JobRunStatus } from './status.js';

export const API_BASE = '/api/admin/jobs';

const Name = z.string().min(1).max(LIMITS.nameMax);
const RunId = z.string().min(1).max(64);
const Count = z.number().int().nonnegative();

// ─── Queries ────────────────────────────────────────────────────────────────

export const HistoryQuery = z.object({
  page: clampedInt(1, LIMITS.historyPageMax, 1),
  pageSize: clampedInt(1, LIMITS.historyPageSizeMax, LIMITS.historyPageSizeDefault),
  jobName: Name.optional(),
  status: JobRunStatus.optional(),
  q: z.string().trim().max(LIMITS.queryStringMax).optional(),
  /** opaque keyset cursor from a previous page's `nextCursor` */
  cursor: z.string().max(LIMITS.queryStringMax).optional(),
});
export type HistoryQuery = z.infer<typeof HistoryQuery>;
export type HistoryQueryInput = z.input<typeof HistoryQuery>;

export const LogsQuery = z.object({
  after: clampedInt(0, Number.MAX_SAFE_INTEGER, 0),
  limit: clampedInt(1, LIMITS.logsPageMax, LIMITS.logsPageDefault),
});
export type LogsQuery = z.infer<typeof LogsQuery>;

export const CleanupStalledQuery = z.object({ dryRun: QueryFlag });
export type CleanupStalledQuery = z.infer<typeof CleanupStalledQuery>;

export const RawField = z.enum(['params', 'metadata', 'error']);
export type RawField = z.infer<typeof RawField>;

// ─── Request bodies ─────────────────────────────────────────────────────────

export const EnqueueRequest = z.object({
  jobName: Name,
  params: JsonObject.default({}),
  idempotencyKey: z.string().min(1).max(LIMITS.nameMax).optional(),
});
export type EnqueueRequest = z.infer<typeof EnqueueRequest>;

export const BulkCancelFilter = z.object({
  jobName: Name.optional(),
  status: z.enum(['QUEUED', 'RUNNING']).optional(),
});
export type BulkCancelFilter = z.infer<typeof BulkCancelFilter>;

export const BulkCancelRequest = z.union([
  z.object({ ids: z.array(RunId).min(1).max(LIMITS.bulkMaxItems) }).strict(),
  z.object({ filter: BulkCancelFilter }).strict(),
]);
export type BulkCancelRequest = z.infer<typeof BulkCancelRequest>;

export const BulkEnqueueRequest = z.object({
  items: z
    .array(z.object({ jobName: Name, params: JsonObject.default({}) }))
    .min(1)
    .max(LIMITS.bulkMaxItems),
});
export type BulkEnqueueRequest = z.infer<typeof BulkEnqueueRequest>;

// ─── Responses ──────────────────────────────────────────────────────────────

export const DefinitionsResponse = z.object({ jobs: z.array(JobDefinition) });
export type DefinitionsResponse = z.infer<typeof DefinitionsResponse>;

export const HistoryResponse = z.object({
  runs: z.array(JobRunSummary),
  total: Count,
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1).max(LIMITS.historyPageSizeMax),
  nextCursor: z.string().nullable(),
});
export type HistoryResponse = z.infer<typeof HistoryResponse>;

export const ActiveResponse = z.object({ runs: z.array(JobRunSummary), asOfSeq: Count });
export type ActiveResponse = z.infer<typeof ActiveResponse>;

export const RunDetailsResponse = z.object({ run: JobRunDetails });
export type RunDetailsResponse = z.infer<typeof RunDetailsResponse>;

/** enqueue (201), cancel (202, and 409's `run`), retry (201) */
export const RunResponse = z.object({ run: JobRunSummary });
export type RunResponse = z.infer<typeof RunResponse>;

export const LogsResponse = z.object({ lines: z.array(LogLine), nextAfter: Count });
export type LogsResponse = z.infer<typeof LogsResponse>;

export const BulkCancelResponse = z.object({
  results: z.array(z.object({ id: RunId, ok: z.boolean(), error: z.string().optional() })),
});
export type BulkCancelResponse = z.infer<typeof BulkCancelResponse>;

export const BulkEnqueueResponse = z.object({
  results: z.array(
    z.object({ ok: z.boolean(), run: JobRunSummary.optional(), error: z.string().optional() }),
  ),
});
export type BulkEnqueueResponse = z.infer<typeof BulkEnqueueResponse>;

export const CleanupStalledResponse = z.object({ cleaned: z.array(JobRunSummary) });
export type CleanupStalledResponse = z.infer<typeof CleanupStalledResponse>;

// ─── Error bodies with more than the ApiError ───────────────────────────────

/**
 * A 409 about one run carries that run. The cases: cancel of a run that already finished ("Run
 * already finished": the run as it ended); cancel of a running run whose job cannot be stopped
 * ("Not cancellable"); retry of a run still QUEUED or RUNNING ("Run still active": the run); an
 * idempotency key used before with another job or params (the run it created).
 *
 * Retry is idempotent while it is under way: retrying a run whose earlier retry is still QUEUED or
 * RUNNING answers 409 "Retry already under way" with `run` = that retry (follow it at
 * `/api/admin/jobs/:id`), never a second run. Once that retry has finished, the run may be retried
 * again.
 */
export const RunConflictError = ApiError.extend({ run: JobRunSummary });
export type RunConflictError = z.infer<typeof RunConflictError>;

/**
 * A 503 on bulk enqueue (the store became unavailable halfway): the ApiError plus `results`, one
 * per item in order, saying exactly which runs were created (`ok: true` with the run) and which
 * were not (to send again after `Retry-After`).
 */
export const BulkEnqueueUnavailable = ApiError.extend({ results: BulkEnqueueResponse.shape.results });
export type BulkEnqueueUnavailable = z.infer<typeof BulkEnqueueUnavailable>;

/** The same for bulk cancel: `results` say which runs were cancelled before the store gave out. */
export const BulkCancelUnavailable = ApiError.extend({ results: BulkCancelResponse.shape.results });
export type BulkCancelUnavailable = z.infer<typeof BulkCancelUnavailable>;
