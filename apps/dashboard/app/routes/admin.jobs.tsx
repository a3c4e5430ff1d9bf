import { Button } from '@jobs/ui/Button';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import type { ClientLoaderFunctionArgs } from '@remix-run/react';
import { Link, Outlet, useLoaderData, useLocation } from '@remix-run/react';
import { useEffect, useMemo } from 'react';
import { ActiveSection } from '../components/ActiveSection.js';
import { HistorySection } from '../components/HistorySection.js';
import { RouteError } from '../components/RouteError.js';
import { StatsSection } from '../components/StatsSection.js';
import { requirePageUser } from '../services/auth.server.js';
import { filtersFromUrl, historyQueryOf } from '../services/history-params.js';
import { keepLastGood } from '../services/keep-last-good.js';
import { orThrow } from '../services/load.server.js';
import { revalidateUnlessOnlyNoticeLeft } from '../services/notice.js';
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
    /** the seq the active runs are as of: the live client starts from this snapshot (ActiveSection) */
    activeAsOfSeq: active.asOfSeq,
  };
}

export type JobManagerData = ReturnType<typeof useLoaderData<typeof loader>> & { loadError?: string };

const lastGood = keepLastGood<JobManagerData>();

/** A refresh that fails keeps the page on screen and says so beside the stats (keep-last-good.ts). */
export function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  return lastGood.load(serverLoader);
}

/** Taking a shown notice out of the URL reloads nothing (see onlyNoticeLeft). */
export const shouldRevalidate = revalidateUnlessOnlyNoticeLeft;

export default function JobManager() {
  const data: JobManagerData = useLoaderData<typeof loader>();
  useEffect(() => lastGood.shown(data), [data]);
  const { search } = useLocation();
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
            <Button variant="primary" asChild>
              <Link to={`new${search}`} prefetch="intent">
                Run New Job
              </Link>
            </Button>
            <Button asChild>
              <Link to={`bulk${search}`} prefetch="intent">
                Start multiple / Cancel all
              </Link>
            </Button>
          </span>
        ) : null}
      </header>
      <StatsSection stats={data.stats} canManage={data.canManage} loadError={data.loadError} />
      {empty ? (
        <section className="card empty-state">
          <h2>No jobs have run yet</h2>
          <p>Start a job to see its progress here in real time.</p>
          {data.canManage ? (
            <Button variant="primary" asChild>
              <Link to={`new${search}`} prefetch="intent">
                Start Processing
              </Link>
            </Button>
          ) : null}
        </section>
      ) : null}
      <ActiveSection
        snapshot={data.active}
        asOfSeq={data.activeAsOfSeq}
        canManage={data.canManage}
        cancellable={cancellable}
      />
      <HistorySection data={data} />
      <Outlet context={data} />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError title="The Job Manager could not load" />;
}
