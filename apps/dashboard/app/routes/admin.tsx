import { LiveProvider } from '@jobs/live';
import { Button } from '@jobs/ui/Button';
import type { LoaderFunctionArgs } from '@remix-run/node';
import {
  Form,
  NavLink,
  Outlet,
  type ShouldRevalidateFunction,
  useLoaderData,
  useRouteLoaderData,
} from '@remix-run/react';
import { useState } from 'react';
import { ActionNotice } from '../components/ActionNotice.js';
import { ConnectionNotice, LiveToasts } from '../components/LiveChrome.js';
import { LivePanel } from '../components/LivePanel.js';
import { RouteError } from '../components/RouteError.js';
import { ThemeSwitch } from '../components/ThemeSwitch.js';
import { getLiveClient } from '../live/client.js';
import type { loader as rootLoader } from '../root.js';
import { requirePageUser } from '../services/auth.server.js';
import { attempt } from '../services/load.server.js';
import { onlyNoticeLeft } from '../services/notice.js';

// The live socket starts connecting as this module loads, before the page hydrates (or before it
// renders, after a client-side navigation), so that its handshake overlaps that work.
if (typeof document !== 'undefined') getLiveClient().connectEarly();

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

/**
 * The layout's data (who is logged in) changes only on navigation or a submission, not on socket news
 * nor on a theme change (the root alone holds the theme).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  formAction,
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) => {
  if (formAction === '/theme') return false;
  if (!formMethod && onlyNoticeLeft(currentUrl, nextUrl)) return false;
  return formMethod || currentUrl.href !== nextUrl.href ? defaultShouldRevalidate : false;
};

export default function AdminLayout() {
  const { user, cancellable } = useLoaderData<typeof loader>();
  const theme = useRouteLoaderData<typeof rootLoader>('root')?.theme ?? 'system';
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
          <div className="topbar__tools">
            <LivePanel canManage={user.role === 'admin'} cancellable={cancellable} />
            <ThemeSwitch theme={theme} />
            <span className="topbar__user">
              {user.email} · {user.role}
            </span>
            <Form method="post" action="/logout">
              <Button type="submit" size="small">
                Log out
              </Button>
            </Form>
          </div>
        </header>
        <ConnectionNotice />
        <main className="page">
          <ActionNotice />
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
