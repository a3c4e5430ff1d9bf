import {
  ActiveResponse,
  API_BASE,
  ApiError as ApiErrorBody,
  apiError,
  type BulkCancelRequest,
  BulkCancelResponse,
  type BulkEnqueueRequest,
  BulkEnqueueResponse,
  CleanupStalledResponse,
  DefinitionsResponse,
  type EnqueueRequest,
  type HistoryQuery,
  HistoryResponse,
  JobStats,
  type LogsQuery,
  LogsResponse,
  type RawField,
  RunDetailsResponse,
  RunResponse,
  StatsSeries,
  type StatsSeriesQuery,
} from '@jobs/contracts';
import type { z } from 'zod';
import { ApiUrls, neverReached, parseApiUrls } from './api-urls.server.js';

const BRAND = Symbol.for('jobs-console.JobsApiError');

/** A failed call to the jobs API, carrying the contract's ApiError body and the status to answer with. */
export class JobsApiError extends Error {
  readonly [BRAND] = true;

  /**
   * server.ts (run by tsx) and the Remix build each load their own copy of this module, so
   * `instanceof` fails across them; a registered symbol does not.
   */
  static is(error: unknown): error is JobsApiError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    /** The whole answer as parsed JSON: some errors carry more than the ApiError (bulk `results`). */
    readonly raw: unknown = body,
  ) {
    super(`${body.error}: ${body.details}`);
    this.name = 'JobsApiError';
  }
}

export interface JobsApiOptions {
  /** one URL, or several comma-separated API nodes tried in turn (see api-urls.server.ts) */
  baseUrl: string;
  token: string;
  timeoutMs?: number;
}

export type JobsApi = ReturnType<typeof createJobsApi>;
type Query = Record<string, string | number | boolean | undefined>;

function toSearch(query: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The one client of the jobs API: every answer parsed with @jobs/contracts, every call bounded by a timeout. */
export function createJobsApi({ baseUrl, token, timeoutMs = 8000 }: JobsApiOptions) {
  const urls = new ApiUrls(parseApiUrls(baseUrl));

  async function send(method: string, path: string, body?: unknown, actor?: string): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (actor) headers['x-triggered-by'] = actor;
    const order = urls.order();
    for (let i = 0; ; i++) {
      const url = order[i]!;
      try {
        const res = await fetch(`${url}${API_BASE}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
        urls.answered(url);
        return res;
      } catch (error) {
        urls.failed(url);
        // another node: a read always, a change only if it never reached this one
        if (i + 1 < order.length && (method === 'GET' || neverReached(error))) continue;
        throw unreachable(error);
      }
    }
  }

  function unreachable(error: unknown): JobsApiError {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return new JobsApiError(
      503,
      apiError(
        'Jobs API unavailable',
        timedOut ? `The jobs API did not answer within ${timeoutMs} ms.` : 'The jobs API cannot be reached.',
        true,
      ),
    );
  }

  async function failure(res: Response): Promise<JobsApiError> {
    const text = await res.text().catch(() => '');
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    const parsed = ApiErrorBody.safeParse(json);
    if (parsed.success) return new JobsApiError(res.status, parsed.data, json);
    return new JobsApiError(
      res.status >= 500 ? 502 : res.status,
      apiError(`Jobs API error ${res.status}`, text.slice(0, 300) || res.statusText, res.status >= 500),
    );
  }

  async function call<S extends z.ZodType>(
    schema: S,
    method: string,
    path: string,
    body?: unknown,
    actor?: string,
  ): Promise<z.infer<S>> {
    const res = await send(method, path, body, actor);
    if (!res.ok) throw await failure(res);
    const parsed = schema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) {
      throw new JobsApiError(
        502,
        apiError('Bad answer from the jobs API', `${method} ${path} did not match the contract.`, true),
      );
    }
    return parsed.data;
  }

  const id = (runId: string) => encodeURIComponent(runId);
  return {
    definitions: () => call(DefinitionsResponse, 'GET', '/definitions'),
    history: (q: Partial<HistoryQuery>) => call(HistoryResponse, 'GET', `/history${toSearch(q)}`),
    active: () => call(ActiveResponse, 'GET', '/active'),
    stats: () => call(JobStats, 'GET', '/stats'),
    statsSeries: (q: StatsSeriesQuery) => call(StatsSeries, 'GET', `/stats/series${toSearch(q)}`),
    run: (runId: string) => call(RunDetailsResponse, 'GET', `/${id(runId)}`),
    logs: (runId: string, q: Partial<LogsQuery>) =>
      call(LogsResponse, 'GET', `/${id(runId)}/logs${toSearch(q)}`),
    enqueue: (req: EnqueueRequest, actor: string) => call(RunResponse, 'POST', '/enqueue', req, actor),
    cancel: (runId: string, actor: string) => call(RunResponse, 'POST', `/${id(runId)}/cancel`, {}, actor),
    retry: (runId: string, actor: string) => call(RunResponse, 'POST', `/${id(runId)}/retry`, {}, actor),
    bulkCancel: (req: BulkCancelRequest, actor: string) =>
      call(BulkCancelResponse, 'POST', '/bulk/cancel', req, actor),
    bulkEnqueue: (req: BulkEnqueueRequest, actor: string) =>
      call(BulkEnqueueResponse, 'POST', '/bulk/enqueue', req, actor),
    cleanupStalled: (dryRun: boolean, actor: string) =>
      call(CleanupStalledResponse, 'POST', `/cleanup-stalled${dryRun ? '?dryRun=1' : ''}`, {}, actor),
    /** The raw stored value, passed through as a download; the caller streams the body on. */
    async raw(runId: string, field: RawField): Promise<Response> {
      const res = await send('GET', `/${id(runId)}/raw/${field}`);
      if (!res.ok) throw await failure(res);
      return res;
    },
  };
}
