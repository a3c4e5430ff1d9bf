import { cancel, enqueue, sessionClient } from './support/api.js';
import { login } from './support/auth.js';
import { expect, test } from './support/test.js';

test('a viewer sees runs but cannot cancel: no button, and a forged post gets 403', async ({
  page,
  baseURL,
}) => {
  const admin = await sessionClient(baseURL ?? '');
  const run = await enqueue(admin, 'feed-presort', { slow: true });
  await login(page, 'viewer');
  await page.goto('/admin/jobs');
  const active = page.locator('.active-jobs');
  await expect(active).toContainText('feed-presort');
  await expect(active).toContainText(`#${run.id}`);
  await expect(active.getByRole('button', { name: /cancel/i })).toHaveCount(0);
  await expect(active.getByRole('link', { name: /cancel/i })).toHaveCount(0);
  await expect(page.getByText('Run New Job')).toHaveCount(0);

  const viewer = await sessionClient(baseURL ?? '', 'viewer');
  const forged = await viewer.post(`/resources/jobs/${run.id}/cancel`);
  expect(forged.status()).toBe(403);
  const forgedPage = await viewer.post(`/admin/jobs/runs/${run.id}/cancel`, { form: {} });
  expect(forgedPage.status()).toBe(403);
  const forgedEnqueue = await viewer.post('/resources/jobs/enqueue', {
    data: { jobName: 'trending', params: {} },
  });
  expect(forgedEnqueue.status()).toBe(403);

  // The run is untouched by the viewer's attempts.
  const still = await admin.get('/resources/jobs/active');
  const ids = ((await still.json()) as { runs: Array<{ id: string; cancelRequestedAt: string | null }> })
    .runs;
  expect(ids.find((r) => r.id === run.id)?.cancelRequestedAt).toBeNull();
  await cancel(admin, run.id);

  // The audit page is for admins only.
  const audit = await viewer.get('/admin/audit');
  expect(audit.status()).toBe(403);
});
