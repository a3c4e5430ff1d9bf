import { apiError, LIMITS } from '@jobs/contracts';
import { bodyTooLarge, errorResponse } from './api-errors.server.js';

/** A JSON body, refused with 413 past the contract's limit and 400 when it is not JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > LIMITS.requestBodyBytes) throw errorResponse(413, bodyTooLarge(LIMITS.requestBodyBytes));
  const text = await request.text();
  if (Buffer.byteLength(text) > LIMITS.requestBodyBytes)
    throw errorResponse(413, bodyTooLarge(LIMITS.requestBodyBytes));
  try {
    return JSON.parse(text);
  } catch {
    throw errorResponse(400, apiError('Malformed JSON', 'The request body is not valid JSON.', false));
  }
}
