import { useInvalidation } from '@jobs/live';
import { JobHistoryList } from '@jobs/ui/JobHistoryList';
import { Link, useLocation, useNavigate, useRevalidator } from '@remix-run/react';
import { useState } from 'react';
import type { JobManagerData } from '../routes/admin.jobs.js';
import { filtersHref, HISTORY_PAGE_SIZE } from '../services/history-params.js';
import { FallbackHistory } from './FallbackHistory.js';
import { useHydrated } from './useHydrated.js';

/**
 * History is API-only: loader data that socket news only invalidates. On page 1 that
 * means a revalidation; deeper pages keep their rows still and show "N new runs" instead.
 */
export function HistorySection({ data, modalOpen }: { data: JobManagerData; modalOpen: boolean }) {
  const hydrated = useHydrated();
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const { search } = useLocation();
  const [fresh, setFresh] = useState({ key: search, count: 0 });
  const newRuns = fresh.key === search ? fresh.count : 0;
  const firstPage = data.filters.page === 1;
  useInvalidation('history', () => {
    if (firstPage) revalidator.revalidate();
    else setFresh((f) => ({ key: search, count: (f.key === search ? f.count : 0) + 1 }));
  });
  useInvalidation('stats', () => {
    if (firstPage) revalidator.revalidate();
  });
  const jobNames = data.definitions.map((d) => d.name);
  const go = (to: string) => navigate(to, { preventScrollReset: true });
  return (
    <section className={hydrated && !modalOpen ? 'job-history' : 'card job-history'} aria-label="Job History">
      {hydrated && !modalOpen ? (
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
          jobNames={jobNames}
          loading={revalidator.state === 'loading'}
          newRunsCount={newRuns}
          onShowNewRuns={() => go(filtersHref(data.filters, { page: 1 }))}
          onPageChange={(page) => go(filtersHref(data.filters, { page }))}
          onFilterChange={(f) =>
            go(filtersHref(data.filters, { job: f.jobName ?? '', status: f.status ?? '', q: f.q ?? '' }))
          }
          onViewDetails={(run) => go(`/admin/jobs/runs/${encodeURIComponent(run.id)}${search}`)}
          onRetry={() => revalidator.revalidate()}
          actions={
            data.canManage ? (
              <Link className="button" to={`/admin/jobs/bulk${search}`}>
                Bulk…
              </Link>
            ) : null
          }
        />
      ) : (
        <>
          <h2>Job History</h2>
          <FallbackHistory
            runs={data.history.runs}
            total={data.history.total}
            filters={data.filters}
            jobNames={jobNames}
            compact={modalOpen}
          />
        </>
      )}
    </section>
  );
}
