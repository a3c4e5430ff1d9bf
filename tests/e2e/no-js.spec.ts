import { enqueue, sessionClient } from './support/api.js';
import { login } from './support/auth.js';
import { expect, test } from './support/test.js';

test.use({ javaScriptEnabled: false });

test('without JavaScript: enqueue, cancel with confirmation, filters and pages all work', async ({
  page,
  consoleErrors,
}) => {
  await login(page);
  await page.goto('/admin/jobs');
  await page.getByRole('link', { name: 'Run New Job' }).click();
  await expect(page).toHaveURL(/\/admin\/jobs\/new/);
  await page.selectOption('select[name="jobName"]', 'media-orphan-cleanup');
  await page.fill('textarea[name="params"]', '{"slow": true}');
  await page.getByRole('button', { name: 'Enqueue Job' }).click();
  const flash = page.getByTestId('flash');
  await expect(flash).toContainText(/Job enqueued: #\d+/);
  const id = (await flash.textContent())?.match(/#(\d+)/)?.[1];
  const row = page.locator('.active-jobs li', { hasText: `#${id}` });
  await expect(row).toContainText('media-orphan-cleanup');

  // Cancel is a button in a GET form: without JavaScript it goes to the confirmation page.
  await row.getByRole('button', { name: /^Cancel/ }).click();
  await expect(
    page.getByRole('heading', { name: new RegExp(`Cancel media-orphan-cleanup \\(#${id}\\)`) }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Cancel run' }).click();
  await expect(page.getByTestId('flash')).toContainText(`cancel requested for #${id}`);

  // Invalid params come back to the form field that caused them.
  await page.goto('/admin/jobs/new');
  await page.selectOption('select[name="jobName"]', 'match-scores');
  await page.fill('textarea[name="params"]', '{"batchSize": -5}');
  await page.getByRole('button', { name: 'Enqueue Job' }).click();
  await expect(page.getByRole('alert')).toContainText('batchSize');
  // The one error this step provokes: Chromium reports the server's 400 for the rejected params.
  expect(consoleErrors.take(/status of 400/)).toHaveLength(1);

  // Filters and pages are links and GET forms.
  await page.goto('/admin/jobs');
  await page.getByLabel('Filter by job').fill('media-orphan-cleanup');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/job=media-orphan-cleanup/);
  await expect(page.locator('.job-history li').first()).toContainText('media-orphan-cleanup');
  await page.locator('.job-history').getByRole('link', { name: 'cancelled' }).click();
  await expect(page).toHaveURL(/status=CANCELLED/);
  await expect(page).toHaveURL(/job=media-orphan-cleanup/);
});

test('without JavaScript: history pages are links', async ({ page, baseURL }) => {
  const admin = await sessionClient(baseURL ?? '');
  const res = await admin.post('/admin/jobs/bulk', {
    form: { intent: 'start', jobName: 'trending', count: '50', params: '{"items": 0}' },
  });
  expect(res.status()).toBe(200);
  await enqueue(admin, 'trending', { items: 0 });
  // Leave no queue behind for the next tests: the queued ones are cancelled at once.
  const cancelled = await admin.post('/admin/jobs/bulk', {
    form: { intent: 'cancel-all', jobName: 'trending' },
  });
  expect(cancelled.status()).toBe(200);
  await login(page);
  await page.goto('/admin/jobs?job=trending');
  await expect(page.locator('.job-history')).toContainText(/Showing 1-50 of \d+/);
  await page.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/job=trending/);
  await expect(page.locator('.job-history')).toContainText(/Showing 51-/);
  await page.getByRole('link', { name: 'Prev' }).click();
  await expect(page.locator('.job-history')).toContainText(/Showing 1-50/);
});

test('without JavaScript: bulk cancel previews its count and asks before acting', async ({
  page,
  baseURL,
}) => {
  const admin = await sessionClient(baseURL ?? '');
  await login(page);
  await page.goto('/admin/jobs');
  await page.getByRole('link', { name: 'Start multiple / Cancel all' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bulk operations' });
  await expect(dialog).toBeVisible();
  const start = dialog.getByRole('form', { name: 'Start multiple' });
  await start.getByLabel('Job').selectOption('media-metadata-batch');
  await start.getByLabel('How many (1–50)').fill('2');
  await start.getByLabel('Parameters (JSON)').fill('{"slow": true}');
  await start.getByRole('button', { name: 'Start multiple' }).click();
  await expect(dialog.getByTestId('bulk-result')).toContainText(
    'Started 2 of 2 runs of media-metadata-batch.',
  );

  const choose = dialog.getByRole('form', { name: 'Cancel all' });
  await choose.getByLabel('Only this job (optional)').selectOption('media-metadata-batch');
  await choose.getByRole('button', { name: 'Cancel all…' }).click();
  await expect(page).toHaveURL(/step=cancel-all/);
  const confirm = dialog.getByTestId('cancel-confirm');
  await expect(confirm).toContainText(/^Cancel \d+ active runs? of media-metadata-batch\?/);
  const count = Number(/Cancel (\d+)/.exec((await confirm.textContent()) ?? '')?.[1]);
  expect(count).toBeGreaterThanOrEqual(2);
  const active = await admin.get('/resources/jobs/active');
  const runs = ((await active.json()) as { runs: { jobName: string; cancelRequestedAt: string | null }[] })
    .runs;
  expect(
    runs.filter((r) => r.jobName === 'media-metadata-batch' && r.cancelRequestedAt === null),
  ).toHaveLength(count);
  await dialog.getByRole('button', { name: `Cancel ${count} runs` }).click();
  await expect(dialog.getByTestId('bulk-result')).toContainText(`Cancel requested for ${count} of ${count}`);
  await dialog.getByRole('link', { name: 'Close' }).click();
  await expect(page).toHaveURL(/\/admin\/jobs$/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
