import { type AppLoadContext, redirect } from '@remix-run/node';
import type { Services } from './context.server.js';
import type { LimitedAction, RateLimitVerdict } from './rate-limit.server.js';
import type { Role, User } from './users.server.js';

export interface SessionUser extends User {
  sessionId: string;
}

function services(context: AppLoadContext): Services {
  return context.services;
}

export async function getUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  const { sessions, users } = services(context);
  const session = await sessions.storage.getSession(request.headers.get('cookie'));
  const email = session.get('email');
  if (!email || !session.id) return null;
  // The directory is the authority on roles: a user removed from the environment loses access at once.
  const user = users.find(email);
  return user ? { ...user, sessionId: session.id } : null;
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const back = `${url.pathname.replace(/\.data$/, '')}${url.search}`;
  return redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

/** Pages: no session → the login page, coming back here afterwards. */
export async function requirePageUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await getUser(request, context);
  if (!user) throw loginRedirect(request);
  return user;
}

export function jsonError(status: number, error: string, details: string, headers?: HeadersInit): Response {
  return new Response(JSON.stringify({ error, details, retryable: false }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** Resource routes: no session → 401 (a fetch must not be redirected to an HTML login page). */
export async function requireApiUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await getUser(request, context);
  if (!user) throw jsonError(401, 'Unauthenticated', 'Log in to use the dashboard.');
  return user;
}

/**
 * Cross-site posts are refused before anything else: the Origin must be ours, or, when a browser
 * omits it, Sec-Fetch-Site must say same-origin. A request with neither is not trusted.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  const ours = new URL(request.url).origin;
  const ok = origin ? origin === ours : site === 'same-origin';
  if (!ok || (site !== null && site !== 'same-origin' && site !== 'none'))
    throw jsonError(
      403,
      'Cross-site request refused',
      'This action must be posted from the dashboard itself.',
    );
}

export interface ActionUser extends SessionUser {
  /** Set when this session is over the route's rate limit; pages show it, resources already threw. */
  limited: RateLimitVerdict | null;
}

/**
 * The guard every mutating route goes through, in this order: same origin, a session (pages
 * redirect, resources 401), the role, then the route's rate-limit bucket counted against the decoded
 * session id. Denials by role or rate are audited under the authenticated identity.
 */
export async function requireActionUser(
  request: Request,
  context: AppLoadContext,
  { role, kind, bucket }: { role: Role; kind: 'page' | 'api'; bucket?: LimitedAction },
): Promise<ActionUser> {
  assertSameOrigin(request);
  const user =
    kind === 'page' ? await requirePageUser(request, context) : await requireApiUser(request, context);
  const { audit, rateLimiter } = context.services;
  const route = new URL(request.url).pathname.replace(/\.data$/, '');
  if (role === 'admin' && user.role !== 'admin') {
    audit.record({ who: user.email, action: 'forbidden', runId: null, outcome: 'denied', detail: route });
    throw jsonError(403, 'Forbidden', 'Viewers can look but cannot change anything.');
  }
  const limited = bucket ? rateLimiter.take(bucket, user.sessionId) : null;
  if (limited?.first)
    audit.record({
      who: user.email,
      action: bucket ?? '',
      runId: null,
      outcome: 'denied',
      detail: 'rate limited',
    });
  if (limited && kind === 'api')
    throw new Response(
      JSON.stringify({
        error: 'Too many requests',
        details: `Try again in ${limited.retryAfterS} s.`,
        retryable: true,
      }),
      {
        status: 429,
        headers: { 'content-type': 'application/json', 'Retry-After': String(limited.retryAfterS) },
      },
    );
  return { ...user, limited };
}
