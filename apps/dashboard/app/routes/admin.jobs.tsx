import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, Outlet, useLoaderData, useLocation, useNavigation, useOutlet } from '@remix-run/react';
import { useMemo } from 'react';
import { ActiveSection } from '../components/ActiveSection.js';
import { HistorySection } from '../components/HistorySection.js';
import { RouteError } from '../components/RouteError.js';
import { StatsSection } from '../components/StatsSection.js';
import { requirePageUser } from '../services/auth.server.js';
import { filtersFromUrl, historyQueryOf } from '../services/history-params.js';
import { orThrow } from '../services/load.server.js';
import { errorsFor } from '../services/run-errors.server.js';

export const meta: MetaFunction = () => [{ title: 'Job Manager · Jobs Console' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  const { api } = context.services;
  const filters = filtersFromUrl(new URL(request.url));
  const [stats, history, definitions, active] = await Promise.all([
    orThrow(api.stats()),
    orThrow(api.history(historyQueryOf(filters))),
    orThrow(api.definitions()),
    orThrow(api.active()),
  ]);
  return {
    canManage: user.role === 'admin',
    filters,
    stats,
    history: errorsFor(history, user.role),
    definitions: definitions.jobs,
    active: errorsFor(active.runs, user.role),
  };
}

export type JobManagerData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function JobManager() {
  const data = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const navigation = useNavigation();
  // A modal route that is still loading counts as open: the page's own <select>s step aside at once,
  // so the modal's job picker is the only one (the end-to-end example test selects the first 'select').
  const opening = navigation.state !== 'idle' && navigation.location.pathname.startsWith('/admin/jobs/');
  const modalOpen = useOutlet() !== null || opening;
  const cancellable = useMemo(
    () => new Set(data.definitions.filter((d) => d.cancellable).map((d) => d.name)),
    [data.definitions],
  );
  const empty =
    data.history.total === 0 &&
    data.active.length === 0 &&
    !data.filters.job &&
    !data.filters.status &&
    !data.filters.q;
  return (
    <div className="job-manager">
      <header className="row page-header">
        <h1>Job Manager</h1>
        {data.canManage ? (
          <span className="row">
            <Link className="button button--primary" to={`new${search}`}>
              Run New Job
            </Link>
            <Link className="button" to={`bulk${search}`}>
              Start multiple / Cancel all
            </Link>
          </span>
        ) : null}
      </header>
      <StatsSection stats={data.stats} canManage={data.canManage} />
      {empty ? (
        <section className="card empty-state">
          <h2>No jobs have run yet</h2>
          <p>Start a job to see its progress here in real time.</p>
          {data.canManage ? (
            <Link className="button button--primary" to={`new${search}`}>
              Start Processing
            </Link>
          ) : null}
        </section>
      ) : null}
      <ActiveSection snapshot={data.active} canManage={data.canManage} cancellable={cancellable} />
      <HistorySection data={data} modalOpen={modalOpen} />
      <Outlet context={data} />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError title="The Job Manager could not load" />;
}
