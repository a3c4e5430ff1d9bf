import type { JobRunSummary } from '@jobs/contracts';
import { enqueue, sessionClient, waitUntilFinished } from './support/api.js';
import { login } from './support/auth.js';
import { expect, test } from './support/test.js';

// Dialog routes (details, bulk) open over the Job Manager, which stays as it is underneath: the
// history is not swapped out, so focus can go back to what opened the dialog.

test('closing a run’s details returns focus to the history link that opened it', async ({
  page,
  baseURL,
}) => {
  const admin = await sessionClient(baseURL ?? '');
  const run = await enqueue(admin, 'trending', { items: 0 });
  await waitUntilFinished(admin, run.id);
  await login(page);
  await page.goto('/admin/jobs?job=trending');
  await page.waitForFunction(() => window.__remixRouter?.state.initialized === true);
  const opener = page.locator('.job-history').getByRole('link', { name: `Details of trending #${run.id}` });
  // Keyboard only: focus the link, Enter opens the dialog, Escape closes it.
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`trending (#${run.id})`);
  await expect(page).toHaveURL(new RegExp(`/admin/jobs/runs/${run.id}\\?job=trending$`));
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\/admin\/jobs\?job=trending$/);
  await expect(opener).toBeFocused();
});

test('bulk operations open as a dialog; Cancel all shows the count and acts only once confirmed', async ({
  page,
  baseURL,
}) => {
  const admin = await sessionClient(baseURL ?? '');
  await login(page);
  await page.goto('/admin/jobs');
  await page.waitForFunction(() => window.__remixRouter?.state.initialized === true);
  await page.getByRole('link', { name: 'Start multiple / Cancel all' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bulk operations' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeInViewport();
  // Focus moved into the dialog (not left on a link of the page behind it).
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null))
    .toBe(true);

  const start = dialog.getByRole('form', { name: 'Start multiple' });
  await start.getByLabel('Job').selectOption('build-user-traits');
  await start.getByLabel('How many (1–50)').fill('2');
  await start.getByLabel('Parameters (JSON)').fill('{"slow": true}');
  const newestInHistory = () =>
    page.evaluate(
      () => document.querySelector('.job-history article[data-run-id]')?.getAttribute('data-run-id') ?? null,
    );
  const before = await newestInHistory();
  await start.getByRole('button', { name: 'Start multiple' }).click();
  await expect(dialog.getByTestId('bulk-result')).toContainText('Started 2 of 2 runs of build-user-traits.');
  // Socket news of the new runs reloads the page's data (history behind the dialog lists them): the
  // answer stays on screen (it used to vanish with that reload).
  await expect.poll(newestInHistory).not.toBe(before);
  await expect(dialog.getByTestId('bulk-result')).toContainText('Started 2 of 2 runs of build-user-traits.');

  const choose = dialog.getByRole('form', { name: 'Cancel all' });
  await choose.getByLabel('Only this job (optional)').selectOption('build-user-traits');
  await choose.getByRole('button', { name: 'Cancel all…' }).click();
  const confirm = dialog.getByTestId('cancel-confirm');
  await expect(confirm).toContainText(/^Cancel \d+ active runs? of build-user-traits\?/);
  const count = Number(/Cancel (\d+)/.exec((await confirm.textContent()) ?? '')?.[1]);
  expect(count).toBeGreaterThanOrEqual(2);
  // Asking changed nothing: the runs are all still active and none has a cancel request.
  const active = async () => {
    const body = (await (await admin.get('/resources/jobs/active')).json()) as { runs: JobRunSummary[] };
    return body.runs.filter((r) => r.jobName === 'build-user-traits');
  };
  expect((await active()).filter((r) => r.cancelRequestedAt === null)).toHaveLength(count);
  await expect(dialog.getByRole('link', { name: 'Keep running' })).toBeFocused();
  await dialog.getByRole('button', { name: `Cancel ${count} runs` }).click();
  await expect(dialog.getByTestId('bulk-result')).toContainText(
    `Cancel requested for ${count} of ${count} active runs.`,
  );
  await expect.poll(async () => (await active()).length, { timeout: 30_000 }).toBe(0);
});
