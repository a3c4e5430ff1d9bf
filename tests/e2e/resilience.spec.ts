import { sessionClient } from './support/api.js';
import { login } from './support/auth.js';
import { startStack } from './support/stack.js';
import { expect, test } from './support/test.js';

test('when the jobs API is down the page shows an error with Retry, not a blank page', async ({
  page,
  consoleErrors,
}) => {
  // Remote mode pointed at a port nobody listens on.
  const stack = await startStack({ JOBS_API_URL: 'http://127.0.0.1:9', JOBS_API_TOKEN: 'unused-token' });
  try {
    await login(page, 'admin', { baseURL: stack.url });
    await page.goto(`${stack.url}/admin/jobs`);
    const error = page.getByRole('alert');
    await expect(error).toContainText('Jobs API unavailable');
    await expect(error.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  } finally {
    // The page keeps retrying while the API is away: close it first, so no 503 arrives after the count.
    await page.close();
    await stack.stop();
  }
  // The errors this test provokes: Chromium reports each 503 the pages answer without their API.
  expect(consoleErrors.take(/status of 503/).length).toBeGreaterThan(0);
});

test('rate limits answer 429 with Retry-After', async ({ baseURL }) => {
  const admin = await sessionClient(baseURL ?? '');
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  for (let i = 0; i < 12; i++) {
    const res = await admin.post('/admin/jobs/cleanup', { form: {} });
    statuses.push(res.status());
    if (res.status() === 429) retryAfter = res.headers()['retry-after'];
  }
  expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
  expect(statuses.slice(10)).toEqual([429, 429]);
  expect(Number(retryAfter)).toBeGreaterThan(0);
});

test('empty engine: the Job Manager offers "Start Processing"', async ({ page }) => {
  const stack = await startStack();
  try {
    await login(page, 'admin', { baseURL: stack.url });
    await page.goto(`${stack.url}/admin/jobs`);
    await page.getByRole('link', { name: 'Start Processing' }).click();
    await expect(page.getByRole('dialog', { name: 'Run New Job' })).toBeVisible();
  } finally {
    // Closed before the stack stops, so it logs nothing about a server that is gone.
    await page.close();
    await stack.stop();
  }
});

test('a bad environment stops the start with one clear line per variable', async () => {
  const error = await startStack({
    ADMIN_PASSWORD: 'short',
    PORT: 'not-a-port',
    JOBS_API_URL: 'ftp://x',
  }).then(
    () => null,
    (e: Error) => e.message,
  );
  expect(error).toContain('stack exited with 1');
  expect(error).toContain('ADMIN_PASSWORD: must be at least 8 characters');
  expect(error).toContain('PORT:');
  expect(error).toContain('JOBS_API_URL');
  expect(error).not.toContain('short');
});

test('without ADMIN_* the first start creates a dev admin, prints its password once, and a restart keeps it', async ({
  page,
}) => {
  const stack = await startStack({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
  try {
    const password = /password: (\S+)/.exec(stack.output())?.[1];
    expect(password).toBeTruthy();
    expect(stack.output()).toContain('email:    admin@localhost');
    await stack.restart();
    expect(stack.output()).not.toContain(password ?? 'x');
    expect(stack.output()).toContain('Log in with the dev admin printed at first start');
    await page.goto(`${stack.url}/login`);
    await page.getByLabel('Email').fill('admin@localhost');
    await page.getByLabel('Password').fill(password ?? '');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  } finally {
    // Closed before the stack stops, so it logs nothing about a server that is gone.
    await page.close();
    await stack.stop();
  }
});
