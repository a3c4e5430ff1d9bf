import { LiveProvider } from '@jobs/live';
import type { LoaderFunctionArgs } from '@remix-run/node';
import {
  Form,
  NavLink,
  Outlet,
  type ShouldRevalidateFunction,
  useLoaderData,
  useLocation,
} from '@remix-run/react';
import { useState } from 'react';
import { ConnectionNotice, LiveToasts } from '../components/LiveChrome.js';
import { LivePanel } from '../components/LivePanel.js';
import { RouteError } from '../components/RouteError.js';
import { getLiveClient } from '../live/client.js';
import { requirePageUser } from '../services/auth.server.js';
import { attempt } from '../services/load.server.js';
import { noticeOf } from '../services/notice.js';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  // Which jobs may be cancelled, for the panel's Cancel buttons (the same rule as the cards). Without
  // the jobs API the layout still renders and the panel offers no Cancel: none could be sent.
  const definitions = await attempt(context.services.api.definitions());
  const cancellable = definitions.ok
    ? definitions.value.jobs.filter((d) => d.cancellable).map((d) => d.name)
    : [];
  return { user: { email: user.email, role: user.role }, cancellable };
}

/** The layout's data (who is logged in) changes only on navigation or a submission, not on socket news. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) => (formMethod || currentUrl.href !== nextUrl.href ? defaultShouldRevalidate : false);

export default function AdminLayout() {
  const { user, cancellable } = useLoaderData<typeof loader>();
  const flash = noticeOf(useLocation().search);
  const [client] = useState(getLiveClient);
  return (
    <LiveProvider client={client}>
      <div className="shell" data-role={user.role}>
        <header className="topbar">
          <strong className="brand">Jobs Console</strong>
          <nav aria-label="Main">
            <NavLink to="/admin" end>
              Overview
            </NavLink>
            <NavLink to="/admin/jobs">Jobs</NavLink>
            {user.role === 'admin' ? <NavLink to="/admin/audit">Audit</NavLink> : null}
          </nav>
          <LivePanel canManage={user.role === 'admin'} cancellable={cancellable} />
          <span className="topbar__user">
            {user.email} · {user.role}
          </span>
          <Form method="post" action="/logout">
            <button type="submit" className="button">
              Log out
            </button>
          </Form>
        </header>
        <ConnectionNotice />
        <main className="page">
          {flash ? (
            <p className="notice" role="status" data-testid="flash">
              {flash}
            </p>
          ) : null}
          <Outlet />
        </main>
        <LiveToasts />
      </div>
    </LiveProvider>
  );
}

export function ErrorBoundary() {
  return (
    <main className="page">
      <RouteError />
    </main>
  );
}
