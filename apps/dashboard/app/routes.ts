import { index, type RouteConfig, route } from '@remix-run/route-config';

export default [
  index('routes/home.ts'),
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.ts'),
  route('admin', 'routes/admin.tsx', [index('routes/admin.overview.tsx')]),
  route('resources/jobs/active', 'routes/resources.active.ts'),
  route('resources/jobs/recent', 'routes/resources.recent.ts'),
  route('resources/jobs/enqueue', 'routes/resources.enqueue.ts'),
  route('resources/jobs/:id/cancel', 'routes/resources.cancel.ts'),
  route('resources/jobs/:id/retry', 'routes/resources.retry.ts'),
  route('resources/jobs/:id/logs', 'routes/resources.logs.ts'),
  route('resources/jobs/:id/raw/:field', 'routes/resources.raw.ts'),
  route('resources/health', 'routes/resources.health.ts'),
] satisfies RouteConfig;
