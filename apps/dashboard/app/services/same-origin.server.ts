import type { RequestHandler } from 'express';
import { refusals } from './api-errors.server.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one same-origin rule: Origin equal to ours, or, when a browser leaves Origin out,
 * Sec-Fetch-Site: same-origin; a Sec-Fetch-Site naming another site refuses either way. A request
 * with neither header is not trusted.
 */
export function isSameOrigin(
  origin: string | null | undefined,
  site: string | null | undefined,
  ours: string,
) {
  const ok = origin ? origin === ours : site === 'same-origin';
  return ok && (!site || site === 'same-origin' || site === 'none');
}

export function isSameOriginRequest(request: Request): boolean {
  const { headers } = request;
  return isSameOrigin(headers.get('origin'), headers.get('sec-fetch-site'), new URL(request.url).origin);
}

/**
 * Every unsafe request is checked here, before Remix (whose own check would answer 500) and before
 * any action runs; the action pipeline (action.server.ts) applies the same rule again, so an action
 * reached some other way is still refused.
 */
export function sameOriginOnly(): RequestHandler {
  return (req, res, next) => {
    if (SAFE.has(req.method)) return next();
    const ours = `${req.protocol}://${req.get('host')}`;
    if (isSameOrigin(req.get('origin'), req.get('sec-fetch-site'), ours)) return next();
    res.status(403).json(refusals.crossSite);
  };
}
