import { displayRunId, isActive, type JobRunDetails } from '@jobs/contracts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation, useOutletContext } from '@remix-run/react';
import { ModalFallback } from '../components/ModalFallback.js';
import { RouteError } from '../components/RouteError.js';
import { RunDetailsDialog } from '../components/RunDetailsDialog.js';
import { StatusText } from '../components/StatusText.js';
import { useHydrated } from '../components/useHydrated.js';
import { requirePageUser } from '../services/auth.server.js';
import { orThrow } from '../services/load.server.js';
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

export default function RunDetails() {
  const { run } = useLoaderData<typeof loader>();
  const { canManage } = useOutletContext<JobManagerData>();
  const hydrated = useHydrated();
  const { search } = useLocation();
  const base = `/admin/jobs/runs/${encodeURIComponent(run.id)}`;
  const closeTo = `/admin/jobs${search}`;
  if (hydrated)
    return <RunDetailsDialog run={run} canManage={canManage} base={base} search={search} closeTo={closeTo} />;
  return (
    <ModalFallback title={`Job Run Details: ${run.jobName} (${displayRunId(run.id)})`} closeTo={closeTo}>
      <p>
        <StatusText status={run.status} />
      </p>
      {run.error ? <pre className="error-text">{run.error.message}</pre> : null}
      <h3>Parameters</h3>
      <pre>{run.params ? JSON.stringify(run.params, null, 2) : 'Too large to show here.'}</pre>
      {run.tooLarge.params ? <a href={run.tooLarge.params.href}>Download the parameters</a> : null}
      {run.tooLarge.metadata ? <a href={run.tooLarge.metadata.href}>Download the metadata</a> : null}
      {/* A <div>, not a <p>: a <form> inside a <p> is invalid HTML, so the browser's parser closes the
          <p> before the form and the page it builds no longer matches React's tree (hydration fails). */}
      <div className="row">
        <Link to={`${base}/logs`}>Logs</Link>
        {canManage ? (
          <Form method="post" action={`${base}/retry`}>
            <button type="submit" className="button">
              Re-run Job
            </button>
          </Form>
        ) : null}
        {canManage && isActive(run.status) ? <Link to={`${base}/cancel`}>Cancel</Link> : null}
      </div>
    </ModalFallback>
  );
}

export function ErrorBoundary() {
  return <RouteError title="This run could not be loaded" />;
}
