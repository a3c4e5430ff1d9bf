import type { ApiError } from '@jobs/contracts';

/**
 * Why an action was refused, in the engine's terms. The HTTP layer alone turns a reason into a
 * status code (`src/http/outcome.ts`); schedules and event triggers read the same answers.
 */
export type FailureReason = 'not-found' | 'conflict' | 'invalid' | 'unavailable';

export interface Failure {
  ok: false;
  reason: FailureReason;
  /** the ApiError body, with extra fields where the contract adds them (`run` of a conflict) */
  error: ApiError & Record<string, unknown>;
  /** for `unavailable`: when trying again may work */
  retryAfterSeconds?: number;
}

export type Outcome<T> = { ok: true; value: T } | Failure;

export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function refuse(
  reason: FailureReason,
  error: ApiError & Record<string, unknown>,
  retryAfterSeconds?: number,
): Failure {
  return retryAfterSeconds === undefined
    ? { ok: false, reason, error }
    : { ok: false, reason, error, retryAfterSeconds };
}
