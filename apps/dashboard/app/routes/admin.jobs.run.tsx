import { displayRunId, type JobRunDetails } from '@jobs/contracts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData, useLocation, useOutletContext } from '@remix-run/react';
import { RouteError } from '../components/RouteError.js';
import { RunDetailsDialog } from '../components/RunDetailsDialog.js';
import { requirePageUser } from '../services/auth.server.js';
import { orThrow } from '../services/load.server.js';
import { revalidateUnlessOnlyNoticeLeft } from '../services/notice.js';
import { errorsFor } from '../services/run-errors.server.js';
import type { JobManagerData } from './admin.jobs.js';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.run.jobName} ${displayRunId(data.run.id)} · Jobs Console` : 'Run · Jobs Console' },
];

/** The engine's raw links point at the jobs API; the browser gets the dashboard's proxy instead. */
function proxiedLinks(run: JobRunDetails): JobRunDetails {
  const href = (field: 'params' | 'metadata') => `/resources/jobs/${encodeURIComponent(run.id)}/raw/${field}`;
  const { params, metadata } = run.tooLarge;
  return {
    ...run,
    tooLarge: {
      ...(params ? { params: { ...params, href: href('params') } } : {}),
      ...(metadata ? { metadata: { ...metadata, href: href('metadata') } } : {}),
    },
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  const { run } = await orThrow(context.services.api.run(params.id ?? ''));
  return { run: errorsFor(proxiedLinks(run), user.role) };
}

/** Taking a shown notice out of the URL reloads nothing (see onlyNoticeLeft). */
export const shouldRevalidate = revalidateUnlessOnlyNoticeLeft;

export default function RunDetails() {
  const { run } = useLoaderData<typeof loader>();
  const { canManage } = useOutletContext<JobManagerData>();
  const { search } = useLocation();
  const base = `/admin/jobs/runs/${encodeURIComponent(run.id)}`;
  return (
    <RunDetailsDialog
      run={run}
      canManage={canManage}
      base={base}
      search={search}
      closeTo={`/admin/jobs${search}`}
    />
  );
}

export function ErrorBoundary() {
  return <RouteError title="This run could not be loaded" />;
}
