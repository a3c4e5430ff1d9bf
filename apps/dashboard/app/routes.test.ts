import { afterEach, describe, expect, it } from 'vitest';
import routes from './routes.js';
import { type ActionSpec, guardOf } from './services/action.server.js';
import { refusals } from './services/api-errors.server.js';
import { ADMIN, answerOf, post, readAnswer, testServices, VIEWER } from './testing/services.js';

interface RouteEntry {
  path?: string;
  file: string;
  children?: RouteEntry[];
}

/** Every route of app/routes.ts with its full URL pattern. */
function flatten(entries: readonly RouteEntry[], parent = ''): Array<{ url: string; file: string }> {
  return entries.flatMap((entry) => {
    const url = [parent, entry.path].filter(Boolean).join('/');
    return [{ url: `/${url}`.replace(/\/+/g, '/'), file: entry.file }, ...flatten(entry.children ?? [], url)];
  });
}

/** The only actions open without a session, each for a reason its module states. */
const OPEN_ACTIONS = new Set(['routes/login.tsx', 'routes/logout.ts', 'routes/theme.ts']);

const table = flatten(routes as RouteEntry[]);
const modules = await Promise.all(
  table.map(async (route) => ({
    ...route,
    module: (await import(`./${route.file}`)) as Record<string, unknown>,
  })),
);
const mutating = modules.filter((route) => 'action' in route.module);
const params = { id: 'run-1', field: 'params' };
const urlOf = (pattern: string) => pattern.replace(/:(\w+)/g, (_, name: keyof typeof params) => params[name]);

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});
function services() {
  const s = testServices();
  cleanups.push(s.cleanup);
  return s;
}

describe('the route table', () => {
  it('has mutating routes to check (the enumeration itself works)', () => {
    expect(mutating.map((r) => r.file)).toEqual(
      expect.arrayContaining([
        'routes/resources.cancel.ts',
        'routes/admin.jobs.bulk.tsx',
        'routes/login.tsx',
      ]),
    );
  });

  it.each(mutating.map((r) => [r.file, r] as const))(
    '%s: its action is built by guardedAction',
    (_, route) => {
      const spec = guardOf(route.module.action);
      expect(spec, `${route.file} exports an action not built by guardedAction`).not.toBeNull();
      const { kind, access, bucket, audit } = spec as ActionSpec;
      expect(kind).toBe(route.file.startsWith('routes/resources.') ? 'api' : 'page');
      expect(audit).toMatch(/\S/);
      if (OPEN_ACTIONS.has(route.file)) expect(access).toBe('anyone');
      else {
        expect(access, 'only the open actions listed in this test may skip the session').toBe('admin');
        expect(bucket, 'every admin action counts in a rate-limit bucket').not.toBeNull();
      }
    },
  );
});

describe('every mutating route refuses, and audits the refusals of a known user', () => {
  const guarded = mutating.filter((r) => guardOf(r.module.action)?.access === 'admin');
  const act = (route: (typeof guarded)[number], request: Request, context: unknown) =>
    answerOf(() =>
      (route.module.action as (args: unknown) => Promise<unknown>)({ request, params, context }),
    );

  it.each(guarded.map((r) => [r.file, r] as const))('%s', async (_, route) => {
    const { context, cookieFor, audited } = services();
    const url = urlOf(route.url);
    const admin = await cookieFor(ADMIN);
    const viewer = await cookieFor(VIEWER);

    const crossSite = await readAnswer(
      await act(route, post(url, { cookie: admin, origin: 'https://evil.example' }), context),
    );
    expect(crossSite).toMatchObject({ status: 403, body: refusals.crossSite });

    const anonymous = await readAnswer(await act(route, post(url, {}), context));
    if (guardOf(route.module.action)?.kind === 'api')
      expect(anonymous).toMatchObject({ status: 401, body: refusals.unauthenticated });
    else {
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get('location')).toBe(`/login?redirectTo=${encodeURIComponent(url)}`);
    }

    const asViewer = await readAnswer(await act(route, post(url, { cookie: viewer }), context));
    expect(asViewer).toMatchObject({ status: 403, body: refusals.forbidden });

    const entries = await audited();
    expect(entries.map(({ who, outcome, detail }) => ({ who, outcome, detail })).reverse()).toEqual([
      { who: ADMIN, outcome: 'denied', detail: `cross-site: ${url}` },
      { who: VIEWER, outcome: 'denied', detail: `forbidden: ${url}` },
    ]);
  });

  it.each(mutating.filter((r) => OPEN_ACTIONS.has(r.file)).map((r) => [r.file, r] as const))(
    '%s (open) still refuses cross-site posts',
    async (_, route) => {
      const { context } = services();
      const answer = await readAnswer(
        await act(route, post(urlOf(route.url), { origin: 'https://evil.example' }), context),
      );
      expect(answer).toMatchObject({ status: 403, body: refusals.crossSite });
    },
  );
});
