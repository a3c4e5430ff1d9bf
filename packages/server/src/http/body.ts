import type { IncomingMessage } from 'node:http';
import { type ApiError, apiError } from '@jobs/contracts';

type BodyError = { ok: false; status: number; error: ApiError; close?: boolean };
export type BodyResult = { ok: true; value: unknown } | BodyError;

/** Past this much the connection is cut instead of drained. */
const HARD_CAP = 8 * 1024 * 1024;

/**
 * Reads a JSON body of at most `limit` bytes. Over the limit (declared or counted) the answer is
 * 413 and the bytes are drained, never buffered nor parsed.
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const tooLarge = (): BodyError => ({
    ok: false,
    status: 413,
    error: apiError(
      'Payload too large',
      `The request body is over the ${limit} byte limit`,
      true,
      'parameters',
    ),
  });
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > HARD_CAP) {
      req.resume();
      return resolve({ ...tooLarge(), close: true });
    }
    let size = 0;
    let over = Number.isFinite(declared) && declared > limit;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (size > HARD_CAP) {
        req.destroy();
        return resolve({ ...tooLarge(), close: true });
      }
      if (!over) chunks.push(chunk);
    });
    req.on('error', () =>
      resolve({
        ok: false,
        status: 400,
        error: apiError('Bad request', 'The request body could not be read', true),
      }),
    );
    req.on('end', () => {
      if (over) return resolve(tooLarge());
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({ ok: true, value: {} });
      try {
        resolve({ ok: true, value: JSON.parse(text) });
      } catch (err) {
        resolve({
          ok: false,
          status: 400,
          error: apiError(
            'Malformed JSON',
            `The request body is not valid JSON: ${(err as Error).message}`,
            true,
            'parameters',
          ),
        });
      }
    });
  });
}
