import { login } from './support/auth.js';
import { expect, test } from './support/test.js';

// The product's end-to-end example, kept as written, selectors and all (after logging in).
test('can run a job and monitor progress', async ({ page }) => {
  await login(page);
  await page.goto('/admin/jobs');
  await page.click('text=Run New Job');
  await page.selectOption('select', 'match-scores');
  await page.fill('textarea', '{"userId": 8}');
  await page.click('text=Enqueue Job');
  await expect(page.locator('.active-jobs')).toContainText('match-scores');
  // Wait for job to complete
  await expect(page.locator('.job-history')).toContainText('match-scores');

  // Beyond the example's text: history also lists runs still in flight, so the line above alone would pass
  // before the job ends. Follow this very run until it has left the active list and finished.
  // The confirmation toast has closed by now; history lists newest first and this spec's run is the newest.
  const newest = page
    .locator('.job-history')
    .getByRole('heading', { name: /match-scores/ })
    .first();
  const id = /#(\d+)/.exec((await newest.textContent()) ?? '')?.[1];
  expect(id).toBeDefined();
  await expect(page.locator('.active-jobs')).not.toContainText(`#${id}`, { timeout: 30_000 });
  await expect(
    page.locator('.job-history [data-status="SUCCESS"]').filter({ hasText: `(#${id})` }),
  ).toBeVisible();
});
