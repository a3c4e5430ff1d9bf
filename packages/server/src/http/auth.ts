import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time comparison of a presented token with the service token. */
export function tokenMatcher(token: string): (presented: unknown) => boolean {
  const expected = createHash('sha256').update(token).digest();
  return (presented) => {
    if (typeof presented !== 'string' || presented.length === 0) return false;
    return timingSafeEqual(createHash('sha256').update(presented).digest(), expected);
  };
}

export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return m ? m[1]!.trim() : null;
}
