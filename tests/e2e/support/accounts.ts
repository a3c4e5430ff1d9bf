/** Known credentials for the stacks the tests start (never used outside tests). */
export const ADMIN = { email: 'admin@e2e.test', password: 'admin-password-e2e' } as const;
export const VIEWER = { email: 'viewer@e2e.test', password: 'viewer-password-e2e' } as const;

/** The environment of a test stack: production build, embedded engine, no cron noise. */
export function stackEnv(extra: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    VIEWER_EMAIL: VIEWER.email,
    VIEWER_PASSWORD: VIEWER.password,
    DEMO_JOBS: 'on',
    JOBS_SCHEDULES: 'off',
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}
