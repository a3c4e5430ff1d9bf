import { index, type RouteConfig, route } from '@remix-run/route-config';

export default [
  index('routes/home.ts'),
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.ts'),
  route('jobs', 'routes/jobs.ts'),
  route('theme', 'routes/theme.ts'),
  route('admin', 'routes/admin.tsx', [
    index('routes/admin.overview.tsx'),
    route('jobs', 'routes/admin.jobs.tsx', [
      route('new', 'routes/admin.jobs.new.tsx'),
      route('bulk', 'routes/admin.jobs.bulk.tsx'),
      route('cleanup', 'routes/admin.jobs.cleanup.tsx'),
      route('runs/:id', 'routes/admin.jobs.run.tsx'),
      route('runs/:id/cancel', 'routes/admin.jobs.run.cancel.tsx'),
      route('runs/:id/retry', 'routes/admin.jobs.run.retry.tsx'),
      route('runs/:id/logs', 'routes/admin.jobs.run.logs.tsx'),
    ]),
    route('audit', 'routes/admin.audit.tsx'),
  ]),
  route('resources/jobs/active', 'routes/resources.active.ts'),
  route('resources/jobs/recent', 'routes/resources.recent.ts'),
  route('resources/jobs/enqueue', 'routes/resources.enqueue.ts'),
  route('resources/jobs/cleanup-stalled', 'routes/resources.cleanup.ts'),
  route('resources/jobs/:id/cancel', 'routes/resources.cancel.ts'),
  route('resources/jobs/:id/retry', 'routes/resources.retry.ts'),
  route('resources/jobs/:id/logs', 'routes/resources.logs.ts'),
  route('resources/jobs/:id/raw/:field', 'routes/resources.raw.ts'),
  route('resources/health', 'routes/resources.health.ts'),
] satisfies RouteConfig;
