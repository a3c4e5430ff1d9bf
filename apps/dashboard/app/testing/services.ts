import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppLoadContext } from '@remix-run/node';
import { type AuditEntry, createAuditLog } from '../services/audit.server.js';
import type { Services } from '../services/context.server.js';
import type { JobsApi } from '../services/jobs-api.server.js';
import { createMemoryLoginThrottle } from '../services/login-throttle.server.js';
import { createRateLimiter } from '../services/rate-limit.server.js';
import type { RelaySnapshot } from '../services/relay-stats.server.js';
import { createFileSessions } from '../services/session.server.js';
import type { Role, UserDirectory } from '../services/users.server.js';

export const ORIGIN = 'http://dashboard.test';
export const ADMIN = 'admin@example.test';
export const VIEWER = 'viewer@example.test';
const ROLES: Record<string, Role> = { [ADMIN]: 'admin', [VIEWER]: 'viewer' };

/**
 * The services a loader or action gets, for calling route modules directly: real sessions, audit
 * log and rate limiter in a temporary directory; a jobs API that fails the test if a method the
 * test did not provide is called (a refused request must never reach the API).
 */
export function testServices(api: Partial<JobsApi> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'dashboard-test-'));
  const sessions = createFileSessions(dir, 'test-secret-that-is-long-enough-for-hmac');
  const users: UserDirectory = {
    find: (email) => (ROLES[email] ? { email, role: ROLES[email] } : null),
    authenticate: async () => null,
    createdDevAdmin: null,
  };
  const audit = createAuditLog(dir);
  const strictApi = new Proxy(api, {
    get(target, key) {
      const provided = (target as Record<PropertyKey, unknown>)[key];
      if (provided !== undefined) return provided;
      return () => {
        throw new Error(`the jobs API's ${String(key)} was called`);
      };
    },
  }) as JobsApi;
  const services: Services = {
    users,
    sessions,
    audit,
    api: strictApi,
    relayStats: () => ({}) as RelaySnapshot,
    loginThrottle: createMemoryLoginThrottle(),
    rateLimiter: createRateLimiter(),
    secureCookies: false,
  };
  const context = { services, cspNonce: '', clientAddress: '127.0.0.1' } as AppLoadContext;
  return {
    services,
    context,
    /** A signed session cookie ("__session=…") for one of the test users. */
    async cookieFor(email: string): Promise<string> {
      const session = await sessions.storage.getSession();
      session.set('email', email);
      session.set('role', ROLES[email] ?? 'viewer');
      const header = await sessions.storage.commitSession(session);
      return header.split(';')[0] ?? '';
    },
    async audited(): Promise<AuditEntry[]> {
      return audit.recent(1000);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A POST as a browser sends it: form-encoded, with an Origin (ours unless `origin` says otherwise). */
export function post(
  pathname: string,
  { cookie, origin = ORIGIN, form = {} }: { cookie?: string; origin?: string; form?: Record<string, string> },
): Request {
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded', origin });
  if (cookie) headers.set('cookie', cookie);
  return new Request(`${ORIGIN}${pathname}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(form).toString(),
  });
}

/** What an action answered, whether it returned or threw it (Remix treats both as the answer). */
export async function answerOf(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return await call();
  } catch (thrown) {
    return thrown;
  }
}

/** Status and body of a Response or of Remix's `data()` (DataWithResponseInit). */
export async function readAnswer(
  answer: unknown,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  if (answer instanceof Response) {
    const text = await answer.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: answer.status, body, headers: answer.headers };
  }
  const data = answer as { type?: string; data?: unknown; init?: ResponseInit | null };
  if (data?.type === 'DataWithResponseInit')
    return { status: data.init?.status ?? 200, body: data.data, headers: new Headers(data.init?.headers) };
  return { status: 200, body: answer, headers: new Headers() };
}
