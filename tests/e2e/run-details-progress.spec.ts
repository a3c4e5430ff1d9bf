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
  await waitUntilFinished(admin, run.id);
  await page.reload();
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleName(/to 100% over/);
});
