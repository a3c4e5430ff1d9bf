import type { ServerResponse } from 'node:http';
import type { ApiError } from '@jobs/contracts';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** Every failure answers an ApiError body (with extra fields such as the `run` of a 409). */
export function sendError(
  res: ServerResponse,
  status: number,
  error: ApiError & Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, error, headers);
}
