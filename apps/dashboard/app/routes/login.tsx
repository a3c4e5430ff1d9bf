import { apiError } from '@jobs/contracts';
import { Button } from '@jobs/ui/Button';
import { type HeadersFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node';
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { guardedAction } from '../services/action.server.js';
import { formFailure } from '../services/api-errors.server.js';
import { getUser } from '../services/auth.server.js';
import { safeRedirect } from '../services/safe-redirect.js';

export const meta: MetaFunction = () => [{ title: 'Log in · Jobs Console' }];

/** Document responses carry only what this says: keep the action's Retry-After on a throttled login. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const out = new Headers();
  const retry = actionHeaders.get('Retry-After');
  if (retry) out.set('Retry-After', retry);
  return out;
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context))
    throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo')));
  return null;
}

const Credentials = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/**
 * Anyone may post it; its own budget (the login throttle) stands in for a rate-limit bucket, and
 * only a proven identity is audited: a failed try is counted by the throttle instead (decision 081).
 */
export const action = guardedAction(
  { kind: 'page', access: 'anyone', bucket: null, audit: 'login' },
  async ({ request, context, note }) => {
    note.who = null;
    const { users, sessions, loginThrottle, secureCookies } = context.services;
    const form = await request.formData();
    const parsed = Credentials.safeParse({ email: form.get('email'), password: form.get('password') });
    const email = parsed.data?.email ?? String(form.get('email') ?? '');
    const address = context.clientAddress;
    // Checked before the password is hashed: a throttled try costs no scrypt.
    const wait = await loginThrottle.retryAfterS(address, email);
    if (wait > 0)
      return formFailure(
        429,
        apiError(
          'Too many failed attempts',
          `Too many failed attempts: try again in ${Math.ceil(wait / 60)} min.`,
          true,
        ),
        { 'Retry-After': String(wait) },
      );
    const user = parsed.success ? await users.authenticate(parsed.data.email, parsed.data.password) : null;
    if (!user) {
      // Not an audit entry: the audit log's "who" is always someone who proved who they are.
      await loginThrottle.failed(address, email);
      return formFailure(401, apiError('Wrong email or password', 'Wrong email or password.', true));
    }
    await loginThrottle.succeeded(address, email);
    const session = await sessions.storage.getSession();
    session.set('email', user.email);
    session.set('role', user.role);
    note.who = user.email;
    note.detail = user.role;
    const secure = secureCookies || new URL(request.url).protocol === 'https:';
    return redirect(safeRedirect(form.get('redirectTo')), {
      headers: { 'Set-Cookie': await sessions.storage.commitSession(session, { secure }) },
    });
  },
);

export default function Login() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  return (
    <main className="page page--narrow login">
      <h1>Jobs Console</h1>
      <Form method="post" className="card form" aria-describedby={result?.error ? 'login-error' : undefined}>
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/admin'} />
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {result?.error ? (
          <p id="login-error" role="alert" className="form-error">
            {result.error.details}
          </p>
        ) : null}
        <Button type="submit" variant="primary" disabled={busy} busy={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </Button>
      </Form>
    </main>
  );
}
