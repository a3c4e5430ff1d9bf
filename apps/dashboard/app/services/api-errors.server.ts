import { type ApiError, apiError } from '@jobs/contracts';
import { data } from '@remix-run/node';

/**
 * Every error the dashboard answers itself is the contract's ApiError, built here: a resource route
 * answers it as the JSON body, a page action hands it to its form as `{ ok: false, error }`.
 */
export const refusals = {
  crossSite: apiError(
    'Cross-site request refused',
    'This action must be posted from the dashboard itself.',
    false,
  ),
  unauthenticated: apiError('Unauthenticated', 'Log in to use the dashboard.', false),
  forbidden: apiError('Forbidden', 'Viewers can look but cannot change anything.', false),
} as const;

export const tooManyRequests = (retryAfterS: number): ApiError =>
  apiError('Too many requests', `Try again in ${retryAfterS} s.`, true);

export const bodyTooLarge = (limit: number): ApiError =>
  apiError('Body too large', `The limit is ${limit} bytes.`, false);

/** A JSON answer carrying an ApiError (resource routes, and refusals thrown before any page renders). */
export function errorResponse(status: number, body: ApiError, headers?: HeadersInit): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });
}

/** What a page action returns to its form when it fails: the ApiError, with the status and headers. */
export function formFailure(status: number, error: ApiError, headers?: HeadersInit) {
  return data({ ok: false as const, error }, { status, headers });
}

export type FormFailure = { ok: false; error: ApiError };
