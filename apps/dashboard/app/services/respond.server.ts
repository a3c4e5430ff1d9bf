import { errorResponse } from './api-errors.server.js';
import { JobsApiError } from './jobs-api.server.js';

export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });
}

/** Resource routes answer the jobs API's own ApiError with its status; anything else is a bug and rethrown. */
export async function proxyJson(call: () => Promise<unknown>, status = 200): Promise<Response> {
  try {
    return jsonResponse(await call(), status);
  } catch (error) {
    if (JobsApiError.is(error)) return errorResponse(error.status, error.body);
    throw error;
  }
}
