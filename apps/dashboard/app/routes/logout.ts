import { redirect } from '@remix-run/node';
import { guardedAction } from '../services/action.server.js';

/** GET never logs out (a link or prefetch must not end a session). */
export const loader = () => redirect('/admin');

/** Anyone may post it (an ended session still lands on the login page); a live session is audited. */
export const action = guardedAction(
  { kind: 'page', access: 'anyone', bucket: null, audit: 'logout' },
  async ({ request, context }) => {
    const { sessions, secureCookies } = context.services;
    const session = await sessions.storage.getSession(request.headers.get('cookie'));
    return redirect('/login', {
      headers: { 'Set-Cookie': await sessions.storage.destroySession(session, { secure: secureCookies }) },
    });
  },
);
