import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  API_BASE,
  type ApiError,
  apiError,
  apiErrorFromIssues,
  BulkCancelRequest,
  BulkEnqueueRequest,
  CleanupStalledQuery,
  EnqueueRequest,
  HistoryQuery,
  LIMITS,
  LogsQuery,
  RawField,
  StatsSeriesQuery,
  searchParamsToObject,
  toDetails,
} from '@jobs/contracts';
import type { z } from 'zod';
import type { JobsService } from '../engine/service.js';
import type { Logger } from '../logger.js';
import { isStoreUnavailable } from '../store/errors.js';
import { bearer } from './auth.js';
import { readJsonBody } from './body.js';
import { sendFailure, sendOutcome, sendUnavailable } from './outcome.js';
import { sendError, sendJson } from './respond.js';
import { RouteTable, split } from './routes.js';

/** A body is the params (≤ 256 kB) plus a small envelope; bulk bodies carry many items. */
const BODY_LIMIT = LIMITS.requestBodyBytes + 4 * 1024;
const BULK_BODY_LIMIT = 4 * LIMITS.requestBodyBytes;
const RUN_ID = /^\d{1,15}$/;

interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  actor: string | null;
  params: Record<string, string>;
}
type Handler = (ctx: Ctx) => Promise<void>;

/** The jobs API under `/api/admin/jobs`: Bearer auth, contract parsing, ApiError on every failure. */
export function createApiHandler(
  service: JobsService,
  isToken: (presented: unknown) => boolean,
  logger: Logger,
): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = new RouteTable<Handler>()
    .add('GET', '/definitions', async ({ res }) => sendJson(res, 200, { jobs: service.definitions() }))
    .add('GET', '/history', async ({ res, url }) => {
      const query = parseQuery(HistoryQuery, url);
      if (!query.ok) return sendError(res, 400, query.error);
      const page = await service.history(query.value);
      if (!page.ok) return sendFailure(res, page);
      sendJson(res, 200, { ...page.value, page: query.value.page, pageSize: query.value.pageSize });
    })
    .add('GET', '/active', async ({ res }) => sendJson(res, 200, await service.active()))
    .add('GET', '/stats', async ({ res }) => sendJson(res, 200, await service.stats()))
    .add('GET', '/stats/series', async ({ res, url }) => {
      const query = parseQuery(StatsSeriesQuery, url);
      if (!query.ok) return sendError(res, 400, query.error);
      sendJson(res, 200, await service.statsSeries(query.value));
    })
    .add('POST', '/enqueue', async ({ req, res, actor }) => {
      const body = await parseBody(req, EnqueueRequest, BODY_LIMIT);
      if (!body.ok) return sendError(res, body.status, body.error, body.headers);
      const key = headerValue(req, 'idempotency-key') ?? body.value.idempotencyKey;
      const out = await service.enqueue(
        { ...body.value, idempotencyKey: key },
        { trigger: 'MANUAL', triggeredBy: actor },
      );
      if (!out.ok) return sendFailure(res, out);
      sendJson(
        res,
        201,
        { run: out.value.run },
        out.value.replayed ? { 'idempotency-replayed': 'true' } : {},
      );
    })
    .add('POST', '/bulk/cancel', async ({ req, res, actor }) => {
      const body = await parseBody(req, BulkCancelRequest, BULK_BODY_LIMIT);
      if (!body.ok) return sendError(res, body.status, body.error, body.headers);
      sendOutcome(res, await service.bulkCancel(body.value, actor));
    })
    .add('POST', '/bulk/enqueue', async ({ req, res, actor }) => {
      const body = await parseBody(req, BulkEnqueueRequest, BULK_BODY_LIMIT);
      if (!body.ok) return sendError(res, body.status, body.error, body.headers);
      sendOutcome(res, await service.bulkEnqueue(body.value, { trigger: 'MANUAL', triggeredBy: actor }));
    })
    .add('POST', '/cleanup-stalled', async ({ res, url, actor }) => {
      const query = parseQuery(CleanupStalledQuery, url);
      if (!query.ok) return sendError(res, 400, query.error);
      sendJson(res, 200, { cleaned: await service.cleanupStalled(query.value.dryRun, actor) });
    })
    .add('GET', '/:id', async ({ res, params }) => {
      const run = await service.run(params.id!);
      if (!run.ok) return sendFailure(res, run);
      sendJson(res, 200, {
        run: toDetails(run.value, (field) => `${API_BASE}/${run.value.id}/raw/${field}`),
      });
    })
    .add('GET', '/:id/logs', async ({ res, url, params }) => {
      const query = parseQuery(LogsQuery, url);
      if (!query.ok) return sendError(res, 400, query.error);
      sendOutcome(res, await service.logs(params.id!, query.value.after, query.value.limit));
    })
    .add('GET', '/:id/raw/:field', async ({ res, params }) => {
      const parsed = RawField.safeParse(params.field);
      if (!parsed.success)
        return sendError(
          res,
          404,
          apiError('Not found', `No raw field "${params.field}"; use params, metadata or error`, false),
        );
      const out = await service.rawField(params.id!, parsed.data);
      if (!out.ok) return sendFailure(res, out);
      const { run, json } = out.value;
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(json),
        'content-disposition': `attachment; filename="run-${run.id}-${parsed.data}.json"`,
        'x-content-type-options': 'nosniff',
      });
      res.end(json);
    })
    .add('POST', '/:id/cancel', async ({ res, actor, params }) =>
      sendOutcome(res, await service.cancel(params.id!, actor), 202),
    )
    .add('POST', '/:id/retry', async ({ res, actor, params }) =>
      sendOutcome(res, await service.retry(params.id!, actor), 201),
    );

  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method ?? 'GET';
      try {
        // Answered before anything else and without the store: a health check stays fast when the
        // database is in trouble.
        if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
        if (!url.pathname.startsWith(`${API_BASE}/`)) {
          return sendError(res, 404, apiError('Not found', `Nothing at ${url.pathname}`, false));
        }
        if (!isToken(bearer(req.headers.authorization))) {
          return sendError(
            res,
            401,
            apiError('Unauthorized', 'Send the service token as "Authorization: Bearer <token>"', false),
            { 'www-authenticate': 'Bearer' },
          );
        }
        const segments = decodeSegments(url.pathname.slice(API_BASE.length).replace(/\/+$/, ''));
        const badQuery = malformedQueryKey(url.search);
        if (segments === null || badQuery !== null) {
          return sendError(
            res,
            400,
            apiError(
              'Bad request',
              'The URL has a malformed percent-encoding (a "%" must be followed by two hex digits of valid UTF-8)',
              true,
              badQuery ?? undefined,
            ),
          );
        }
        const match = routes.match(method, segments);
        if (match.kind === 'none')
          return sendError(res, 404, apiError('Not found', `No endpoint ${method} ${url.pathname}`, false));
        if (match.kind === 'wrong-method')
          return sendError(res, 405, apiError('Method not allowed', `${method} is not allowed here`, false), {
            allow: match.allow.join(', '),
          });
        const actor = headerValue(req, 'x-triggered-by') ?? null;
        if (method !== 'GET') {
          // Every action, refused or not, is one log line: who, what, on which run, and the answer.
          res.once('finish', () =>
            logger.info(
              { event: 'action', method, path: url.pathname, status: res.statusCode, actor },
              `${method} ${url.pathname} → ${res.statusCode}`,
            ),
          );
        }
        const id = match.params.id;
        if (id !== undefined && !RUN_ID.test(id)) return sendError(res, 404, runNotFound(id.slice(0, 64)));
        await match.route.handler({ req, res, url, actor, params: match.params });
      } catch (err) {
        if (isStoreUnavailable(err)) {
          logger.warn(
            { event: 'store_unavailable', method, path: url.pathname, reason: err.reason },
            `answered 503: ${err.message}`,
          );
          if (!res.headersSent) return sendUnavailable(res, err);
          return void res.destroy();
        }
        logger.error(
          { method, path: url.pathname, err: String((err as Error)?.stack ?? err) },
          'request failed',
        );
        if (!res.headersSent)
          sendError(res, 500, apiError('Internal error', 'The server failed to answer; try again', true));
        else res.destroy();
      }
    })();
  };
}

/** The path's segments, percent-decoded; null when one is malformed. */
function decodeSegments(path: string): string[] | null {
  try {
    return split(path).map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** The name of the first query parameter whose percent-encoding is malformed (null: none is). */
function malformedQueryKey(search: string): string | null {
  for (const part of search.replace(/^\?/, '').split('&')) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      const name = part.split('=')[0] ?? '';
      try {
        return decodeURIComponent(name).slice(0, 64) || 'query';
      } catch {
        return 'query';
      }
    }
  }
  return null;
}

function runNotFound(id: string) {
  return apiError('Run not found', `No run #${id}`, false);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  const text = (Array.isArray(v) ? v[0] : v)?.trim();
  return text ? text.slice(0, LIMITS.nameMax) : undefined;
}

type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; error: ApiError; headers?: Record<string, string> };

function parseQuery<S extends z.ZodType>(schema: S, url: URL): Parsed<z.output<S>> {
  const result = schema.safeParse(searchParamsToObject(url.searchParams));
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, status: 400, error: apiErrorFromIssues('Invalid query', result.error.issues) };
}

async function parseBody<S extends z.ZodType>(
  req: IncomingMessage,
  schema: S,
  limit: number,
): Promise<Parsed<z.output<S>>> {
  const body = await readJsonBody(req, limit);
  if (!body.ok) return { ...body, ...(body.close ? { headers: { connection: 'close' } } : {}) };
  const result = schema.safeParse(body.value);
  if (result.success) return { ok: true, value: result.data };
  const error = apiErrorFromIssues('Invalid request', result.error.issues);
  // The contract names the params `parameters` (what the Run Job form highlights).
  if (error.field?.startsWith('params')) error.field = error.field.replace(/^params/, 'parameters');
  if (error.field?.startsWith('parameters') || error.field === undefined) {
    return { ok: false, status: 400, error: { ...error, error: 'Invalid parameters' } };
  }
  return { ok: false, status: 400, error };
}
