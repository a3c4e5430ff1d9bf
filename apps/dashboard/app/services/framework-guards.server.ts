import { apiError } from '@jobs/contracts';
import type { RequestHandler } from 'express';

/** The route-discovery endpoint of Remix's lazy route discovery (the client asks it for route manifests). */
const MANIFEST_PATH = '/__manifest';
/** This app's deepest route has 5 segments and a page links to a few dozen routes at most. */
const MAX_MANIFEST_PATHS = 100;
const MAX_PATH_SEGMENTS = 12;

/**
 * Request guards for framework endpoints that this app cannot patch inside the framework. The
 * manifest endpoint expands every `p` path into all its prefixes and matches each against the route
 * table: thousands of one-letter segments in one 7 kB URL make that quadratic, for anyone, without a
 * session. Real clients send a few short paths; anything else is refused before Remix sees it.
 */
export function frameworkGuards(): RequestHandler {
  return (req, res, next) => {
    if (req.path !== MANIFEST_PATH) return next();
    const url = new URL(req.originalUrl, 'http://dashboard.invalid');
    const paths = url.searchParams.getAll('p');
    const tooDeep = paths.some((p) => p.split('/').length - 1 > MAX_PATH_SEGMENTS);
    if (paths.length <= MAX_MANIFEST_PATHS && !tooDeep) return next();
    res.status(400).json(apiError('Bad request', 'Route discovery request out of bounds.', false));
  };
}
