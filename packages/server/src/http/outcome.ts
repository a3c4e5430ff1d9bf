import type { ServerResponse } from 'node:http';
import { apiError } from '@jobs/contracts';
import type { Failure, FailureReason, Outcome } from '../engine/outcome.js';
import type { StoreUnavailableError } from '../store/errors.js';
import { sendError, sendJson } from './respond.js';

/** The one place an engine answer becomes an HTTP status. */
export const STATUS_OF: Record<FailureReason, number> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
};

export function sendFailure(res: ServerResponse, failure: Failure): void {
  const headers: Record<string, string> =
    failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) };
  sendError(res, STATUS_OF[failure.reason], failure.error, headers);
}

/** A body on success (`status`: 200, 201 for a new run, 202 for an accepted cancel), else the failure. */
export function sendOutcome<T>(res: ServerResponse, out: Outcome<T>, status = 200): void {
  if (out.ok) sendJson(res, status, out.value);
  else sendFailure(res, out);
}

/** The store could not take the call: 503 with `Retry-After`, never a 500. */
export function sendUnavailable(res: ServerResponse, err: StoreUnavailableError): void {
  sendError(
    res,
    503,
    apiError('Service unavailable', `${err.message}; try again in ${err.retryAfterSeconds} s`, true),
    { 'retry-after': String(err.retryAfterSeconds) },
  );
}
