import { useInvalidation } from '@jobs/live';
import { Button } from '@jobs/ui/Button';
import { JobHistoryList } from '@jobs/ui/JobHistoryList';
import { Link, useLocation, useNavigate, useRevalidator } from '@remix-run/react';
import { useState } from 'react';
import { useRevalidateWhenIdle } from '../live/useRevalidateWhenIdle.js';
import type { JobManagerData } from '../routes/admin.jobs.js';
import { filtersHref, HISTORY_PAGE_SIZE } from '../services/history-params.js';
import { preloadOnIntent } from './lazy/preloadable.js';
import { preloadRunDialogs } from './lazy/preloads.js';

/**
 * History is API-only: loader data that socket news only invalidates. On page 1 that
 * means a revalidation; deeper pages keep their rows still and show "N new runs" instead.
 * Pages, filters and details are links and a GET form, so the same list works without JavaScript;
 * once hydrated a click routes in place (no scroll jump) instead of loading a new document.
 */
export function HistorySection({ data }: { data: JobManagerData }) {
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const revalidate = useRevalidateWhenIdle();
  const { search } = useLocation();
  const [fresh, setFresh] = useState({ key: search, count: 0 });
  const newRuns = fresh.key === search ? fresh.count : 0;
  const firstPage = data.filters.page === 1;
  useInvalidation('history', () => {
    if (firstPage) revalidate();
    else setFresh((f) => ({ key: search, count: (f.key === search ? f.count : 0) + 1 }));
  });
  useInvalidation('stats', () => {
    if (firstPage) revalidate();
  });
  const go = (to: string) => navigate(to, { preventScrollReset: true });
  const runHref = (id: string) => `/admin/jobs/runs/${encodeURIComponent(id)}${search}`;
  const filterHref = (f: {
    jobName?: string | undefined;
    status?: string | undefined;
    q?: string | undefined;
  }) =>
    filtersHref(data.filters, {
      job: f.jobName ?? '',
      status: (f.status ?? '') as typeof data.filters.status,
      q: f.q ?? '',
    });
  return (
    <section className="job-history" aria-label="Job History" {...preloadOnIntent(preloadRunDialogs)}>
      <JobHistoryList
        runs={data.history.runs}
        total={data.history.total}
        page={data.filters.page}
        pageSize={HISTORY_PAGE_SIZE}
        filters={{
          jobName: data.filters.job || undefined,
          status: data.filters.status || undefined,
          q: data.filters.q || undefined,
        }}
        jobNames={data.definitions.map((d) => d.name)}
        loading={revalidator.state === 'loading'}
        newRunsCount={newRuns}
        onShowNewRuns={() => go(filtersHref(data.filters, { page: 1 }))}
        pageHref={(page) => filtersHref(data.filters, { page })}
        onPageChange={(page) => go(filtersHref(data.filters, { page }))}
        filterHref={filterHref}
        onFilterChange={(f) => go(filterHref(f))}
        runHref={(run) => runHref(run.id)}
        onViewDetails={(run) => go(runHref(run.id))}
        onRetry={() => revalidator.revalidate()}
        actions={
          data.canManage ? (
            <Button asChild>
              <Link to={`/admin/jobs/bulk${search}`} preventScrollReset>
                Bulk…
              </Link>
            </Button>
          ) : null
        }
      />
    </section>
  );
}
