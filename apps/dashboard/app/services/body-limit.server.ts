import { LIMITS } from '@jobs/contracts';
import type { Request as ExpressRequest, Response as ExpressResponse, RequestHandler } from 'express';
import { bodyTooLarge } from './api-errors.server.js';

/** Login and logout carry an email, a password and a path: a few kB is plenty. */
export const AUTH_BODY_LIMIT = 4 * 1024;

/** The body limit of a request: the login form's small one, otherwise the jobs API's own. */
export function bodyLimitOf(path: string): number {
  const lower = path.toLowerCase();
  return lower.startsWith('/login') || lower.startsWith('/logout')
    ? AUTH_BODY_LIMIT
    : LIMITS.requestBodyBytes;
}

/** After a 413, the rest of the body is read and thrown away for at most this long. */
const LINGER_MS = 5_000;

function tooLarge(req: ExpressRequest, res: ExpressResponse, limit: number) {
  if (res.headersSent) return;
  res.status(413).json(bodyTooLarge(limit));
  // Closing at once would reset a client that is still sending before it reads the 413 (the reset
  // discards what it has not read yet), so the rest is drained into nothing, never kept, for a few
  // seconds at most; then the connection is cut.
  const timer = setTimeout(() => req.socket.destroy(), LINGER_MS);
  timer.unref();
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

/**
 * Every request body is read here, before any parsing, into `res.locals.body`, and never past its
 * limit: a declared Content-Length over it is refused at once, a chunked body the moment it crosses.
 * The Remix handler then builds its Request from this buffer, so no route can read an unbounded body.
 */
export function bodyLimits(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    const limit = bodyLimitOf(req.path);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (Number.isFinite(declared) && declared > limit) return tooLarge(req, res, limit);
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const stop = () => {
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        chunks.length = 0;
        tooLarge(req, res, limit);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      if (done) return;
      stop();
      res.locals.body = Buffer.concat(chunks, size);
      next();
    };
    const onError = (error: Error) => {
      if (done) return;
      stop();
      next(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  };
}
