import type { HeadersFunction } from '@remix-run/node';

/**
 * A route's document responses carry only what its `headers` export returns: this keeps an action's
 * Retry-After (a throttled or rate-limited post) on the page the browser gets.
 */
export const keepRetryAfter: HeadersFunction = ({ actionHeaders }) => {
  const out = new Headers();
  const retry = actionHeaders.get('Retry-After');
  if (retry) out.set('Retry-After', retry);
  return out;
};
