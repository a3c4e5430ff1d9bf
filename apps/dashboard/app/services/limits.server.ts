import { data } from '@remix-run/node';
import type { RateLimitVerdict } from './rate-limit.server.js';

/** Page actions: a 429 the form can show ("try again in 12 s"), with Retry-After for anything else. */
export function pageRateLimit(verdict: RateLimitVerdict | null) {
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
