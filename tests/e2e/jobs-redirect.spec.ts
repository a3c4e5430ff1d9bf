import { sessionClient } from './support/api.js';
import { login } from './support/auth.js';
import { expect, test } from './support/test.js';

test('/jobs leads to the Job Manager, keeping its filters', async ({ page, baseURL }) => {
  const admin = await sessionClient(baseURL ?? '');
  const res = await admin.get('/jobs?status=FAILED', { maxRedirects: 0 });
  expect(res.status()).toBe(301);
  expect(res.headers().location).toBe('/admin/jobs?status=FAILED');
  await login(page);
  await page.goto('/jobs');
  await expect(page).toHaveURL(/\/admin\/jobs$/);
  await expect(page.getByRole('heading', { name: 'Job Manager' })).toBeVisible();
});
