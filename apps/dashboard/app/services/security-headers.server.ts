import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';

/** The policy for one response: scripts only from this origin or carrying this request's nonce. */
export function contentSecurityPolicy(nonce: string, host: string, secure: boolean): string {
  const ws = `${secure ? 'wss' : 'ws'}://${host}`;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Components set style attributes (progress widths, chart sizes); scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${ws}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Headers on every response, and a fresh CSP nonce per request in `res.locals.cspNonce` for the
 * server renderer. HSTS only when the request arrived over TLS (directly or via a trusted proxy).
 * The development server (Vite's injected scripts) gets no CSP.
 */
export function securityHeaders({ csp }: { csp: boolean }): RequestHandler {
  return (req, res, next) => {
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'same-origin');
    if (csp)
      res.setHeader(
        'Content-Security-Policy',
        contentSecurityPolicy(nonce, req.get('host') ?? '', req.secure),
      );
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}
