import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requirePageUser } from '../services/auth.server.js';

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePageUser(request, context);
  const stats = await context.services.api.stats();
  return { stats };
}

export default function Overview() {
  const { stats } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Overview</h1>
      <p>Active {stats.active}</p>
      <Link to="/admin/jobs">Manage Jobs</Link>
    </>
  );
}
