import { useInvalidation } from '@jobs/live';
import { JobMetricsChart } from '@jobs/ui/JobMetricsChart';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useRevalidator } from '@remix-run/react';
import { RouteError } from '../components/RouteError.js';
import { StatsSection } from '../components/StatsSection.js';
import { requirePageUser } from '../services/auth.server.js';
import { orThrow } from '../services/load.server.js';
import { throughputBuckets } from '../services/throughput.js';

export const meta: MetaFunction = () => [{ title: 'Overview · Jobs Console' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  const { api } = context.services;
  // The contract has no time-series endpoint: the chart is drawn from the newest 200 finished runs.
  const [stats, recent] = await Promise.all([
    orThrow(api.stats()),
    orThrow(api.history({ page: 1, pageSize: 200 })),
  ]);
  return {
    stats,
    buckets: throughputBuckets(recent.runs, new Date(stats.asOf)),
    canManage: user.role === 'admin',
  };
}

export default function Overview() {
  const { stats, buckets } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  // Finished runs change the numbers and the chart: socket news invalidates, the loader refetches.
  useInvalidation('stats', () => revalidator.revalidate());
  return (
    <div className="overview">
      <header className="row page-header">
        <h1>Overview</h1>
        <Link className="button button--primary" to="/admin/jobs">
          Manage Jobs
        </Link>
      </header>
      <StatsSection stats={stats} canManage={false} />
      <section className="card" aria-labelledby="throughput-title">
        <h2 id="throughput-title">Throughput and failures, last 24 hours</h2>
        <JobMetricsChart buckets={buckets} label="Finished runs per hour and failure rate" />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError title="The overview could not load" />;
}
