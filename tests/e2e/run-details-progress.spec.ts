import { enqueue, sessionClient, waitUntilFinished } from './support/api.js';
import { login } from './support/auth.js';
import { expect, test } from './support/test.js';

test("a run's details draw its progress over time, running and finished", async ({ page, baseURL }) => {
  const admin = await sessionClient(baseURL ?? '');
  const run = await enqueue(admin, 'trending', { slow: true });
  await login(page);
  await page.goto(`/admin/jobs/runs/${run.id}`);
  const chart = page.getByRole('dialog').getByRole('img', { name: `Progress of trending #${run.id}` });
  await expect(chart).toBeVisible();
  // While it runs, the line only rises, as the run's progress does: the point stored with the
  // run is the percent the page loaded with, and newer ones follow it.
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Show data table').click();
  const table = dialog
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'Progress' }) });
  const percents = async () =>
    (await table.locator('tbody tr td:last-child').allTextContents()).map((t) => Number.parseInt(t, 10));
  await expect.poll(async () => (await percents()).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(4);
  const drawn = await percents();
  expect(drawn).toEqual([...drawn].sort((a, b) => a - b));
  await waitUntilFinished(admin, run.id);
  await page.reload();
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleName(/to 100% over/);
});
