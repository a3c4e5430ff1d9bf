import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startJobsServer } from '@jobs/server';
import { openLiveJobManager } from './support/active.js';
import { login } from './support/auth.js';
import { startStack } from './support/stack.js';
import { expect, type Page, test } from './support/test.js';

/** Refresh is a link that scripts take over (it works without them too). */
const refresh = (page: Page) => page.getByRole('link', { name: 'Refresh', exact: true });

async function expectPageKept(page: Page) {
  await expect(page.getByRole('heading', { name: 'Job Statistics' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Job History' })).toBeVisible();
  await expect(page.locator('#active')).toBeVisible();
  await expect(page.getByText('The Job Manager could not load')).toHaveCount(0);
}

test('a Refresh while the jobs API is down keeps the page and says so beside the stats, with Retry', async ({
  page,
  consoleErrors,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jobs-e2e-refresh-'));
  const token = 'refresh-failure-test-token';
  const options = { token, dbPath: path.join(dir, 'jobs.db'), schedules: false, logger: false as const };
  let engine = await startJobsServer({ ...options, port: 0 });
  const stack = await startStack({ JOBS_API_URL: engine.url, JOBS_API_TOKEN: token });
  try {
    await login(page, 'admin', { baseURL: stack.url });
    await page.goto(`${stack.url}/admin/jobs`);
    await expect(page.locator('.active-jobs')).toHaveAttribute('data-source', 'live');

    await engine.close();
    await refresh(page).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Refresh failed' });
    await expect(alert).toContainText('Jobs API unavailable');
    await expectPageKept(page);

    // The API comes back: Retry loads fresh data and the error goes.
    engine = await startJobsServer({ ...options, port: engine.port });
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(alert).toHaveCount(0);
    await expectPageKept(page);
  } finally {
    await page.close();
    await stack.stop();
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
  // The 503 this test provokes on purpose.
  expect(consoleErrors.take(/status of 503/).length).toBeGreaterThan(0);
});

test('a refresh answered by something unreadable (a proxy 503 page) never shows the transport message', async ({
  page,
  consoleErrors,
}) => {
  await openLiveJobManager(page);
  await page.route(/\/admin\/jobs\.data/, (route) =>
    route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>503 Service Unavailable</h1>' }),
  );
  await refresh(page).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Refresh failed' });
  await expect(alert).toContainText('could not be reached');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(page.getByText(/turbo-stream/)).toHaveCount(0);
  await expectPageKept(page);

  await page.unroute(/\/admin\/jobs\.data/);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toHaveCount(0);
  // What this test provokes: Chromium's report of the 503, and Remix's log of the body it could not decode.
  expect(consoleErrors.take(/status of 503/).length).toBeGreaterThan(0);
  expect(consoleErrors.take(/SyntaxError/).length).toBeGreaterThan(0);
});
