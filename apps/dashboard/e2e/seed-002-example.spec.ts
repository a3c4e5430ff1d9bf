import { expect, test } from '@playwright/test';
import { login } from './support/auth.js';

// Seed 002's end-to-end example, as written (after logging in).
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
});
