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
  searchParamsToObject,
  toDetails,
} from '@jobs/contracts';
import type { z } from 'zod';
import type { JobsService, Outcome } from '../engine/service.js';
import type { Logger } from '../logger.js';
import { HistoryQueryError } from '../store/sqlite/history.js';
import { bearer } from './auth.js';
import { readJsonBody } from './body.js';
import { sendError, sendJson } from './respond.js';

/** A body is the params (≤ 256 kB) plus a small envelope; bulk bodies carry many items. */
const BODY_LIMIT = LIMITS.requestBodyBytes + 4 * 1024;
const BULK_BODY_LIMIT = 4 * LIMITS.requestBodyBytes;
const ACTIVE_LIMIT = 1000;
const RUN_ID = /^\d{1,15}$/;

interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  actor: string | null;
}
type Handler = (ctx: Ctx, ...args: string[]) => Promise<void>;

/** The jobs API under `/api/admin/jobs`: Bearer auth, contract parsing, ApiError on every failure. */
export function createApiHandler(
  service: JobsService,
  isToken: (presented: unknown) => boolean,
  logger: Logger,
): (req: IncomingMessage, res: ServerResponse) => void {
  const routes: Array<{ method: string; pattern: RegExp; handler: Handler }> = [];
  const route = (method: string, path: string, handler: Handler) =>
    routes.push({
      method,
      pattern: new RegExp(`^${path.replace(/:id/g, '([^/]+)').replace(/:field/g, '([^/]+)')}$`),
      handler,
    });

  route('GET', '/definitions', async ({ res }) =>
    sendJson(res, 200, { jobs: service.registry.definitions() }),
  );

  route('GET', '/history', async ({ res, url }) => {
    const query = parseQuery(HistoryQuery, url);
    if (!query.ok) return sendError(res, 400, query.error);
    try {
      const page = await service.store.history(query.value);
      sendJson(res, 200, { ...page, page: query.value.page, pageSize: query.value.pageSize });
    } catch (err) {
      if (!(err instanceof HistoryQueryError)) throw err;
      sendError(res, 400, apiError('Invalid query', err.message, true, err.field));
    }
  });

  route('GET', '/active', async ({ res }) => sendJson(res, 200, await service.store.active(ACTIVE_LIMIT)));

  route('GET', '/stats', async ({ res }) => sendJson(res, 200, await service.store.stats(new Date())));

  route('POST', '/enqueue', async ({ req, res, actor }) => {
    const body = await parseBody(req, EnqueueRequest, BODY_LIMIT);
    if (!body.ok) return sendError(res, body.status, body.error, body.headers);
    const key = headerValue(req, 'idempotency-key') ?? body.value.idempotencyKey;
    const out = await service.enqueue(
      { ...body.value, idempotencyKey: key },
      { trigger: 'MANUAL', triggeredBy: actor },
    );
    if (!out.ok) return sendError(res, out.status, out.error);
    sendJson(
      res,
      out.status,
      { run: out.body.run },
      out.body.replayed ? { 'idempotency-replayed': 'true' } : {},
    );
  });

  route('POST', '/bulk/cancel', async ({ req, res, actor }) => {
    const body = await parseBody(req, BulkCancelRequest, BULK_BODY_LIMIT);
    if (!body.ok) return sendError(res, body.status, body.error, body.headers);
    sendJson(res, 200, await service.bulkCancel(body.value, actor));
  });

  route('POST', '/bulk/enqueue', async ({ req, res, actor }) => {
    const body = await parseBody(req, BulkEnqueueRequest, BULK_BODY_LIMIT);
    if (!body.ok) return sendError(res, body.status, body.error, body.headers);
    sendJson(res, 200, await service.bulkEnqueue(body.value, { trigger: 'MANUAL', triggeredBy: actor }));
  });

  route('POST', '/cleanup-stalled', async ({ res, url, actor }) => {
    const query = parseQuery(CleanupStalledQuery, url);
    if (!query.ok) return sendError(res, 400, query.error);
    sendJson(res, 200, { cleaned: await service.cleanupStalled(query.value.dryRun, actor) });
  });

  route('GET', '/:id', async ({ res }, id) => {
    const run = await service.store.getRun(id!);
    if (!run) return sendError(res, 404, runNotFound(id!));
    sendJson(res, 200, { run: toDetails(run, (field) => `${API_BASE}/${run.id}/raw/${field}`) });
  });

  route('GET', '/:id/logs', async ({ res, url }, id) => {
    const query = parseQuery(LogsQuery, url);
    if (!query.ok) return sendError(res, 400, query.error);
    if (!(await service.store.getRun(id!))) return sendError(res, 404, runNotFound(id!));
    sendJson(res, 200, await service.store.logs(id!, query.value.after, query.value.limit));
  });

  route('GET', '/:id/raw/:field', async ({ res }, id, field) => {
    const parsed = RawField.safeParse(field);
    if (!parsed.success)
      return sendError(
        res,
        404,
        apiError('Not found', `No raw field "${field}"; use params, metadata or error`, false),
      );
    const run = await service.store.getRun(id!);
    if (!run) return sendError(res, 404, runNotFound(id!));
    const raw = (await service.store.getRawField(id!, parsed.data)) ?? 'null';
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(raw),
      'content-disposition': `attachment; filename="run-${run.id}-${parsed.data}.json"`,
      'x-content-type-options': 'nosniff',
    });
    res.end(raw);
  });

  route('POST', '/:id/cancel', async ({ res, actor }, id) => send(res, await service.cancel(id!, actor)));
  route('POST', '/:id/retry', async ({ res, actor }, id) => send(res, await service.retry(id!, actor)));

  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method ?? 'GET';
      try {
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
        const path = url.pathname.slice(API_BASE.length).replace(/\/+$/, '');
        const all = routes.filter((r) => r.pattern.test(path));
        // A fixed path (`/history`, `/bulk/cancel`) is never read as a run id.
        const statics = all.filter((r) => !r.pattern.source.includes('([^/]+)'));
        const matching = statics.length ? statics : all;
        const hit = matching.find((r) => r.method === method);
        if (!hit) {
          if (matching.length === 0)
            return sendError(res, 404, apiError('Not found', `No endpoint ${method} ${url.pathname}`, false));
          return sendError(res, 405, apiError('Method not allowed', `${method} is not allowed here`, false), {
            allow: [...new Set(matching.map((r) => r.method))].join(', '),
          });
        }
        const args = hit.pattern.exec(path)!.slice(1).map(decodeURIComponent);
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
        if (hit.pattern.source.includes('([^/]+)') && !RUN_ID.test(args[0]!)) {
          return sendError(res, 404, runNotFound(args[0]!.slice(0, 64)));
        }
        await hit.handler({ req, res, url, actor }, ...args);
      } catch (err) {
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

function send<T>(res: ServerResponse, out: Outcome<T>): void {
  if (out.ok) sendJson(res, out.status, out.body);
  else sendError(res, out.status, out.error);
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
