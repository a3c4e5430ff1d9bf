import type { AppLoadContext } from '@remix-run/node';

/** A one-time notice ("Job enqueued: #12850") carried across the redirect that follows an action. */
export async function flashHeaders(
  request: Request,
  context: AppLoadContext,
  message: string,
): Promise<HeadersInit> {
  const { storage } = context.services.sessions;
  const session = await storage.getSession(request.headers.get('cookie'));
  session.flash('flash', message);
  return { 'Set-Cookie': await storage.commitSession(session) };
}

export async function takeFlash(
  request: Request,
  context: AppLoadContext,
): Promise<{ message: string | null; headers: HeadersInit }> {
  const { storage } = context.services.sessions;
  const session = await storage.getSession(request.headers.get('cookie'));
  const message = session.get('flash');
  if (typeof message !== 'string') return { message: null, headers: {} };
  return { message, headers: { 'Set-Cookie': await storage.commitSession(session) } };
}
