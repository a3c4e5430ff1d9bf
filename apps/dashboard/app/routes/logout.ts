import { type ActionFunctionArgs, redirect } from '@remix-run/node';
import { assertSameOrigin, getUser } from '../services/auth.server.js';

/** GET never logs out (a link or prefetch must not end a session). */
export const loader = () => redirect('/admin');

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { sessions, audit, secureCookies } = context.services;
  const user = await getUser(request, context);
  const session = await sessions.storage.getSession(request.headers.get('cookie'));
  if (user) audit.record({ who: user.email, action: 'logout', runId: null, outcome: 'ok', detail: null });
  return redirect('/login', {
    headers: { 'Set-Cookie': await sessions.storage.destroySession(session, { secure: secureCookies }) },
  });
}
