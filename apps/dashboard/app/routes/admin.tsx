import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, NavLink, Outlet, useLoaderData } from '@remix-run/react';
import { requirePageUser } from '../services/auth.server.js';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  return { user: { email: user.email, role: user.role } };
}

export default function AdminLayout() {
  const { user } = useLoaderData<typeof loader>();
  return (
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
        <span className="topbar__user">
          {user.email} · {user.role}
        </span>
        <Form method="post" action="/logout">
          <button type="submit" className="button">
            Log out
          </button>
        </Form>
      </header>
      <main className="page">
        <Outlet />
      </main>
    </div>
  );
}
