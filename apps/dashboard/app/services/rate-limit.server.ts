import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

export type LimitedAction = 'enqueue' | 'cancel' | 'bulk';

/** Per session (or per address before login), per minute. Generous for people, tight for scripts. */
export const LIMITS_PER_MINUTE: Record<LimitedAction, number> = { enqueue: 30, cancel: 60, bulk: 10 };

const ROUTES: Array<[LimitedAction, RegExp]> = [
  ['bulk', /^\/(admin\/jobs\/(bulk|cleanup)|resources\/jobs\/(bulk|cleanup-stalled))/],
  ['cancel', /\/cancel$/],
  ['enqueue', /^\/(admin\/jobs\/new|resources\/jobs\/enqueue)$|\/retry$/],
];

export function limitedActionOf(method: string, pathname: string): LimitedAction | null {
  if (method !== 'POST') return null;
  const path = pathname.replace(/\.data$/, '').replace(/\/$/, '');
  return ROUTES.find(([, re]) => re.test(path))?.[0] ?? null;
}

export interface RateLimitVerdict {
  action: LimitedAction;
  retryAfterS: number;
}

/**
 * Counting happens in Express (express-rate-limit); refusing happens in the action, which answers 429
 * with Retry-After in the shape its caller understands (form error for pages, JSON for resources).
 * The verdict travels on `res.locals.rateLimited` into the Remix load context.
 */
export function rateLimits(): RequestHandler {
  const limiters = Object.fromEntries(
    (Object.keys(LIMITS_PER_MINUTE) as LimitedAction[]).map((action) => [
      action,
      rateLimit({
        windowMs: 60_000,
        limit: LIMITS_PER_MINUTE[action],
        standardHeaders: 'draft-7',
        legacyHeaders: false,
        keyGenerator: (req) => {
          const session = /(?:^|;\s*)__session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
          return `${action}:${session ?? ipKeyGenerator(req.ip ?? '')}`;
        },
        handler: (req, res, next) => {
          const reset = (req as typeof req & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
          const retryAfterS = Math.max(
            1,
            Math.ceil(((reset?.getTime() ?? Date.now() + 60_000) - Date.now()) / 1000),
          );
          res.locals.rateLimited = { action, retryAfterS } satisfies RateLimitVerdict;
          next();
        },
      }),
    ]),
  ) as unknown as Record<LimitedAction, RequestHandler>;
  return (req, res, next) => {
    const action = limitedActionOf(req.method, req.path);
    if (!action) return next();
    return limiters[action](req, res, next);
  };
}
