import { type AppLoadContext, data } from '@remix-run/node';

/** Page actions: a 429 the form can show ("try again in 12 s"), with Retry-After for anything else. */
export function pageRateLimit(context: AppLoadContext) {
  const verdict = context.rateLimited;
  if (!verdict) return null;
  return data(
    {
      ok: false as const,
      formError: `Too many requests: try again in ${verdict.retryAfterS} s.`,
      field: null,
    },
    { status: 429, headers: { 'Retry-After': String(verdict.retryAfterS) } },
  );
}

/** Resource routes: the contract's ApiError shape. */
export function apiRateLimit(context: AppLoadContext): void {
  const verdict = context.rateLimited;
  if (!verdict) return;
  throw new Response(
    JSON.stringify({
      error: 'Too many requests',
      details: `Try again in ${verdict.retryAfterS} s.`,
      retryable: true,
    }),
    {
      status: 429,
      headers: { 'content-type': 'application/json', 'Retry-After': String(verdict.retryAfterS) },
    },
  );
}
