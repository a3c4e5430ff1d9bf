import { isActive } from '@jobs/contracts';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData, useLocation } from '@remix-run/react';
import { LogsView } from '../components/LogsView.js';
import { RouteError } from '../components/RouteError.js';
import { requirePageUser } from '../services/auth.server.js';
import { orThrow } from '../services/load.server.js';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePageUser(request, context);
  const id = params.id ?? '';
  const [{ run }, logs] = await Promise.all([
    orThrow(context.services.api.run(id)),
    orThrow(context.services.api.logs(id, { after: 0, limit: 1000 })),
  ]);
  return {
    run: { id: run.id, jobName: run.jobName, status: run.status, active: isActive(run.status) },
    lines: logs.lines,
  };
}

export default function RunLogs() {
  const { run, lines } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <LogsView
      key={run.id}
      run={run}
      initial={lines}
      closeTo={`/admin/jobs/runs/${encodeURIComponent(run.id)}${search}`}
    />
  );
}

export function ErrorBoundary() {
  return <RouteError title="These logs could not be loaded" />;
}
