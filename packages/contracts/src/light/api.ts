import * as v from 'valibot';
import { intAtLeast, object } from './parser.js';
import { JobRunSummary, LogLine } from './run.js';

// The light twins of the answers the browser reads (api.ts, api-error.ts; light.test.ts holds them equal).

export const ActiveResponse = object({ runs: v.array(JobRunSummary), asOfSeq: intAtLeast(0) });
/** A history page's runs: all the live client reads of it. */
export const HistoryRuns = object({ runs: v.array(JobRunSummary) });
export const RunResponse = object({ run: JobRunSummary });
export const CleanupStalledResponse = object({ cleaned: v.array(JobRunSummary) });
export const LogsResponse = object({ lines: v.array(LogLine), nextAfter: intAtLeast(0) });
export const ApiError = object({
  error: v.string(),
  details: v.string(),
  field: v.optional(v.string()),
  retryable: v.boolean(),
});
/** `ApiError.partial()`: what a failed answer may say. */
export const ApiErrorAnswer = object({
  error: v.optional(v.string()),
  details: v.optional(v.string()),
  field: v.optional(v.string()),
  retryable: v.optional(v.boolean()),
});
