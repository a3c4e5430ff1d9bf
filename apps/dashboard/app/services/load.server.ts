import { data } from '@remix-run/node';
import { JobsApiError } from './jobs-api.server.js';

/**
 * Loaders: a failed jobs API call becomes a thrown response carrying the ApiError, which the route's
 * ErrorBoundary shows with a Retry button; the layout (nav, panel) stays on screen.
 */
export async function orThrow<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (JobsApiError.is(error)) throw data(error.body, { status: error.status });
    throw error;
  }
}

/** Actions: the ApiError is returned to the form that caused it, not thrown. */
export async function attempt<T>(
  call: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: JobsApiError }> {
  try {
    return { ok: true, value: await call };
  } catch (error) {
    if (JobsApiError.is(error)) return { ok: false, error };
    throw error;
  }
}
