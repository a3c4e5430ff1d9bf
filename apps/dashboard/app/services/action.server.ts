import type { ActionFunctionArgs, AppLoadContext } from '@remix-run/node';
import {
  errorResponse,
  type FormFailure,
  formFailure,
  refusals,
  tooManyRequests,
} from './api-errors.server.js';
import type { AuditEntry } from './audit.server.js';
import { getUser, requirePageUser, type SessionUser } from './auth.server.js';
import { JobsApiError } from './jobs-api.server.js';
import type { LimitedAction } from './rate-limit.server.js';
import { isSameOriginRequest } from './same-origin.server.js';

/** Registered, so the brand survives the two copies of this module (server.ts and the Remix build). */
export const GUARDED_ACTION = Symbol.for('jobs-console.guardedAction');

/**
 * What a mutating route declares, next to its action:
 * - `kind`: a page answers its form (`{ ok: false, error }`) and sends strangers to the login page;
 *   a resource route answers JSON and 401.
 * - `access`: `admin` for every change to jobs; `anyone` only for logging in and out, whose own
 *   audit needs no session (who is known once the password is right, or from the ending session).
 * - `bucket`: the rate-limit bucket counted per session; `null` only where another budget applies.
 * - `audit`: the audit entry's action; the handler may make it more precise (`enqueue nightly`).
 */
export interface ActionSpec<A extends Access = Access> {
  kind: 'page' | 'api';
  access: A;
  bucket: LimitedAction | null;
  audit: string;
}
export type Access = 'admin' | 'anyone';

/** The audit entry being written for this request; the handler fills in what only it knows. */
export interface AuditNote {
  /** Who acted: the session's user; a login sets it once the password was right. */
  who: string | null;
  action: string;
  runId: string | null;
  detail: string | null;
  /** Left null, the outcome follows the answer's status (>= 400 is an error). */
  outcome: 'ok' | 'error' | null;
}

export interface GuardedArgs<A extends Access> extends ActionFunctionArgs {
  user: A extends 'admin' ? SessionUser : SessionUser | null;
  note: AuditNote;
}

export type GuardedAction<R> = ((args: ActionFunctionArgs) => Promise<R | ReturnType<typeof formFailure>>) & {
  readonly [GUARDED_ACTION]: ActionSpec;
};

/** The spec a route's action was built with, or null when it was not built by `guardedAction`. */
export function guardOf(action: unknown): ActionSpec | null {
  if (typeof action !== 'function') return null;
  return (action as unknown as Record<symbol, ActionSpec | undefined>)[GUARDED_ACTION] ?? null;
}

const DETAIL_MAX = 300;

/**
 * The one way to write a route's `action`. In this order: same origin; the session (pages redirect
 * to the login page, resources answer 401); the role; the route's rate-limit bucket counted against
 * the decoded session id; then the handler. Exactly one audit entry is written for every request
 * that has an authenticated identity: denied (cross-site, role, the first request over the limit),
 * error (any answer >= 400, a jobs API error, a throw) or ok. A JobsApiError thrown by the handler
 * becomes the answer (ApiError body and status) in the route's kind. Requests without an identity
 * are not audited: the log's "who" is always someone who proved who they are (decision 081).
 */
export function guardedAction<A extends Access, R>(
  spec: ActionSpec<A>,
  handler: (args: GuardedArgs<A>) => Promise<R>,
): GuardedAction<R> {
  const action = async (args: ActionFunctionArgs) => {
    const { request, context } = args;
    const route = new URL(request.url).pathname.replace(/\.data$/, '');
    const audit = (user: SessionUser | null, entry: Omit<AuditEntry, 'at' | 'who'>) => {
      if (user) context.services.audit.record({ who: user.email, ...entry });
    };
    if (!isSameOriginRequest(request)) {
      audit(await getUser(request, context), deny(spec.audit, `cross-site: ${route}`));
      throw errorResponse(403, refusals.crossSite);
    }
    const user = await identify(spec, request, context);
    if (spec.access === 'admin' && user?.role !== 'admin') {
      audit(user, deny(spec.audit, `forbidden: ${route}`));
      throw errorResponse(403, refusals.forbidden);
    }
    const limited =
      spec.bucket && user ? context.services.rateLimiter.take(spec.bucket, user.sessionId) : null;
    if (limited) {
      if (limited.first) audit(user, deny(spec.audit, `rate limited: ${route}`));
      const headers = { 'Retry-After': String(limited.retryAfterS) };
      const body = tooManyRequests(limited.retryAfterS);
      return spec.kind === 'api' ? errorResponse(429, body, headers) : formFailure(429, body, headers);
    }
    const note: AuditNote = {
      who: user?.email ?? null,
      action: spec.audit,
      runId: null,
      detail: null,
      outcome: null,
    };
    const record = (status: number, fallbackDetail: string | null) => {
      if (!note.who) return;
      const outcome = note.outcome ?? (status >= 400 ? 'error' : 'ok');
      const detail = note.detail ?? (outcome === 'error' ? fallbackDetail : null);
      context.services.audit.record({
        who: note.who,
        action: note.action,
        runId: note.runId,
        outcome,
        detail: detail?.slice(0, DETAIL_MAX) ?? null,
      });
    };
    try {
      const result = await handler({ ...args, user: user as GuardedArgs<A>['user'], note });
      record(statusOf(result), failureDetail(result));
      return result;
    } catch (thrown) {
      if (JobsApiError.is(thrown)) {
        record(thrown.status, `HTTP ${thrown.status}: ${thrown.body.details}`);
        return spec.kind === 'api'
          ? errorResponse(thrown.status, thrown.body)
          : formFailure(thrown.status, thrown.body);
      }
      const status = isAnswer(thrown) ? statusOf(thrown) : 500;
      record(status, isAnswer(thrown) ? failureDetail(thrown) : 'internal error');
      throw thrown;
    }
  };
  return Object.assign(action, { [GUARDED_ACTION]: spec }) as GuardedAction<R>;
}

function deny(action: string, detail: string): Omit<AuditEntry, 'at' | 'who'> {
  return { action, runId: null, outcome: 'denied', detail };
}

async function identify(spec: ActionSpec, request: Request, context: AppLoadContext) {
  if (spec.access === 'anyone') return getUser(request, context);
  if (spec.kind === 'page') return requirePageUser(request, context);
  const user = await getUser(request, context);
  if (!user) throw errorResponse(401, refusals.unauthenticated);
  return user;
}

interface DataAnswer {
  type: 'DataWithResponseInit';
  data: unknown;
  init: ResponseInit | null;
}

function isData(value: unknown): value is DataAnswer {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'DataWithResponseInit'
  );
}

function isAnswer(value: unknown): value is Response | DataAnswer {
  return value instanceof Response || isData(value);
}

function statusOf(value: unknown): number {
  if (value instanceof Response) return value.status;
  if (isData(value)) return value.init?.status ?? 200;
  return 200;
}

/** The ApiError's details of a failed answer built with `formFailure` or thrown as `data(ApiError)`. */
function failureDetail(value: unknown): string | null {
  if (value instanceof Response) return `HTTP ${value.status}`;
  if (!isData(value)) return null;
  const body = value.data as { error?: unknown; details?: unknown } | null;
  const error = (body?.error ?? body) as { details?: unknown } | null;
  const details = typeof error?.details === 'string' ? error.details : null;
  return `HTTP ${value.init?.status ?? 200}${details ? `: ${details}` : ''}`;
}

export type { FormFailure };
