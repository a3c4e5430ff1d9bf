import { LIMITS } from '@jobs/contracts';
import { jsonError } from './auth.server.js';

/** A JSON body, refused with 413 past the contract's limit and 400 when it is not JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > LIMITS.requestBodyBytes)
    throw jsonError(413, 'Body too large', `The limit is ${LIMITS.requestBodyBytes} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > LIMITS.requestBodyBytes)
    throw jsonError(413, 'Body too large', `The limit is ${LIMITS.requestBodyBytes} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    throw jsonError(400, 'Malformed JSON', 'The request body is not valid JSON.');
  }
}
