import type { RequestHandler } from 'express';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every unsafe request must come from a page of this origin: Origin equal to ours, or, when a
 * browser leaves Origin out, Sec-Fetch-Site: same-origin. Answered 403 here, before Remix (whose own
 * check would answer 500) and before any action runs; actions repeat the check (assertSameOrigin).
 */
export function sameOriginOnly(): RequestHandler {
  return (req, res, next) => {
    if (SAFE.has(req.method)) return next();
    const origin = req.get('origin');
    const site = req.get('sec-fetch-site');
    const ours = `${req.protocol}://${req.get('host')}`;
    const ok =
      (origin ? origin === ours : site === 'same-origin') &&
      (!site || site === 'same-origin' || site === 'none');
    if (ok) return next();
    res.status(403).json({
      error: 'Cross-site request refused',
      details: 'This action must be posted from the dashboard itself.',
      retryable: false,
    });
  };
}
