import { type AppLoadContext, redirect } from '@remix-run/node';
import { errorResponse, refusals } from './api-errors.server.js';
import type { Services } from './context.server.js';
import type { User } from './users.server.js';

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

/** Resource routes: no session → 401 (a fetch must not be redirected to an HTML login page). */
export async function requireApiUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await getUser(request, context);
  if (!user) throw errorResponse(401, refusals.unauthenticated);
  return user;
}
