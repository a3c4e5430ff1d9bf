import { useInvalidation } from '@jobs/live';
import { Button } from '@jobs/ui/Button';
import { JobMetricsChart } from '@jobs/ui/JobMetricsChart';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useNavigate } from '@remix-run/react';
import { RouteError } from '../components/RouteError.js';
import { StatsSection } from '../components/StatsSection.js';
import { useRevalidateWhenIdle } from '../live/useRevalidateWhenIdle.js';
import { requirePageUser } from '../services/auth.server.js';
import { orThrow } from '../services/load.server.js';
import { rangeChoice, rangeFromUrl, STATS_RANGE_CHOICES } from '../services/stats-ranges.js';

export const meta: MetaFunction = () => [{ title: 'Overview · Jobs Console' }];

const ranges = STATS_RANGE_CHOICES.map((c) => ({
  value: c.value,
  label: c.label,
  href: `?range=${c.value}`,
}));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  const { api } = context.services;
  // The chart is the engine's per-minute counters rolled up to the range asked (`?range=`).
  const range = rangeFromUrl(new URL(request.url));
  const [stats, series] = await Promise.all([orThrow(api.stats()), orThrow(api.statsSeries({ range }))]);
  return { stats, series, canManage: user.role === 'admin' };
}

export default function Overview() {
  const { stats, series } = useLoaderData<typeof loader>();
  const revalidate = useRevalidateWhenIdle();
  const navigate = useNavigate();
  // Finished runs change the numbers and the chart: socket news invalidates (coalesced to about
  // once a second by the live client), the loader refetches; an event never patches the series.
  useInvalidation('stats', revalidate);
  const choice = rangeChoice(series.range);
  return (
    <div className="overview">
      <header className="row page-header">
        <h1>Overview</h1>
        <Button variant="primary" asChild>
          <Link to="/admin/jobs">Manage Jobs</Link>
        </Button>
      </header>
      <StatsSection stats={stats} canManage={false} />
      <section className="card" aria-labelledby="throughput-title">
        <h2 id="throughput-title">Throughput and failures, {choice.heading}</h2>
        <JobMetricsChart
          buckets={series.points}
          ranges={ranges}
          range={series.range}
          onRangeChange={(r) => navigate(r.href, { preventScrollReset: true })}
          label={`Finished runs per ${choice.bucket} and failure rate`}
        />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError title="The overview could not load" />;
}
