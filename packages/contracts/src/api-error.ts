import { z } from 'zod';

/** The body of every 4xx/5xx answer. */
export const ApiError = z.object({
  /** short, stable, code-like: "Invalid parameters" */
  error: z.string(),
  /** human-readable: "batchSize must be > 0" */
  details: z.string(),
  /** what to highlight: `parameters`, `parameters.batchSize`, `jobName` */
  field: z.string().optional(),
  /** whether fixing the input and retrying can work */
  retryable: z.boolean(),
});
export type ApiError = z.infer<typeof ApiError>;

export function apiError(error: string, details: string, retryable: boolean, field?: string): ApiError {
  return field === undefined ? { error, details, retryable } : { error, details, field, retryable };
}

/** Turns zod issues into one ApiError, pointing `field` at the first offending path. */
export function apiErrorFromIssues(
  error: string,
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  fieldPrefix?: string,
): ApiError {
  const first = issues[0];
  const path = first ? first.path.map(String).join('.') : '';
  const field = [fieldPrefix, path].filter(Boolean).join('.') || undefined;
  const details = issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
  return apiError(error, details || error, true, field);
}
