import { HistoryQuery, JobRunStatus, LIMITS } from '@jobs/contracts';

/** The Job Manager's URL (`?page&job&status&q`) ↔ the API's history query; 50 per page. */
export const HISTORY_PAGE_SIZE = 50;

export interface HistoryFilters {
  page: number;
  job: string;
  status: JobRunStatus | '';
  q: string;
}

export function filtersFromUrl(url: URL): HistoryFilters {
  const p = url.searchParams;
  const status = JobRunStatus.safeParse(p.get('status'));
  const page = HistoryQuery.shape.page.safeParse(p.get('page') ?? undefined);
  return {
    page: page.success ? page.data : 1,
    job: (p.get('job') ?? '').trim().slice(0, LIMITS.nameMax),
    status: status.success ? status.data : '',
    q: (p.get('q') ?? '').trim().slice(0, LIMITS.queryStringMax),
  };
}

export function historyQueryOf(f: HistoryFilters) {
  return {
    page: f.page,
    pageSize: HISTORY_PAGE_SIZE,
    jobName: f.job || undefined,
    status: f.status || undefined,
    q: f.q || undefined,
  };
}

/** A link to the same filters with some changed (page resets to 1 unless given). */
export function filtersHref(f: HistoryFilters, change: Partial<HistoryFilters>): string {
  const next = { ...f, page: 1, ...change };
  const p = new URLSearchParams();
  if (next.page > 1) p.set('page', String(next.page));
  if (next.job) p.set('job', next.job);
  if (next.status) p.set('status', next.status);
  if (next.q) p.set('q', next.q);
  const s = p.toString();
  return s ? `?${s}` : '?';
}
