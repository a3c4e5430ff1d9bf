import { enqueue, sessionClient, waitUntilFinished } from './support/api.js';
import { login } from './support/auth.js';
import { expect, type Page, test } from './support/test.js';

// The overview chart draws GET /stats/series for the range in `?range=`: links without
// JavaScript, a client-side change with it, and a refetch (never a patch) when runs finish.

const chart = (page: Page) => page.getByRole('img', { name: /^Finished runs per/ });
const finishedCount = async (page: Page) => {
  const name = (await chart(page).getAttribute('aria-labelledby')) ?? '';
  const text = await page.locator(`[id="${name.split(' ')[1]}"]`).textContent();
  return Number(text?.match(/^([\d,]+) runs? finished/)?.[1]?.replace(/,/g, '') ?? 0);
};

test('the range switch changes the chart in place, and finished runs redraw it', async ({
  page,
  baseURL,
}) => {
  await login(page);
  await page.goto('/admin');
  await page.waitForFunction(() => window.__remixRouter?.state.initialized === true);
  await expect(page.getByRole('heading', { name: 'Throughput and failures, last 24 hours' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Last 24 hours' })).toHaveAttribute('aria-current', 'page');
  await expect(chart(page)).toHaveAccessibleName(/^Finished runs per 15 minutes/);

  // With scripts the switch is a client-side navigation: the document stays.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.getByRole('link', { name: 'Last hour' }).click();
  await expect(page).toHaveURL(/\/admin\?range=1h$/);
  await expect(page.getByRole('heading', { name: 'Throughput and failures, last hour' })).toBeVisible();
  await expect(chart(page)).toHaveAccessibleName(/^Finished runs per minute/);
  await expect(page.getByRole('link', { name: 'Last hour' })).toHaveAttribute('aria-current', 'page');
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);

  // A run that finishes makes the live client invalidate the stats; the loader refetches the series.
  const before = await finishedCount(page);
  const admin = await sessionClient(baseURL ?? '');
  const run = await enqueue(admin, 'trending', { items: 0 });
  await waitUntilFinished(admin, run.id);
  await expect.poll(() => finishedCount(page)).toBeGreaterThan(before);
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the range switch is a row of links to the page for each range', async ({ page }) => {
    await login(page);
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Last 7 days' }).click();
    await expect(page).toHaveURL(/\/admin\?range=7d$/);
    await expect(page.getByRole('heading', { name: 'Throughput and failures, last 7 days' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Last 7 days' })).toHaveAttribute('aria-current', 'page');
    await expect(chart(page)).toHaveAccessibleName(/^Finished runs per hour/);
    // 168 hourly buckets, each a row of the data table
    await expect(page.locator('figure table tbody tr')).toHaveCount(168);
    // a range the contract does not know shows the default one
    await page.goto('/admin?range=1y');
    await expect(page.getByRole('link', { name: 'Last 24 hours' })).toHaveAttribute('aria-current', 'page');
  });
});
