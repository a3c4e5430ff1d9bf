import { enqueue, sessionClient, waitUntilFinished } from './support/api.js';
import { login } from './support/auth.js';
import { hydrated } from './support/hydrated.js';
import { expect, test } from './support/test.js';

test("a finished run's details open the run form prefilled with its params, to run again with changes", async ({
  page,
  baseURL,
}) => {
  const admin = await sessionClient(baseURL ?? '');
  const params = { fail: true, items: 1000, batchSize: 250, pauseMs: 100 };
  const run = await enqueue(admin, 'affinity', params);
  await waitUntilFinished(admin, run.id);
  await login(page);
  await page.goto(`/admin/jobs/runs/${run.id}`);
  // What is tested here is the prefilled form, not a click racing the hydration of a lazily loaded
  // dialog: one such click, on a loaded machine, neither routed in place nor loaded the link's page.
  // That race is not explained yet.
  await hydrated(page);
  await page.getByRole('link', { name: 'Re-run with changes…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Run New Job' });
  await expect(dialog.locator('select')).toHaveValue('affinity');
  const editor = dialog.getByLabel('Parameters (JSON)');
  await expect(editor).toHaveValue(/"items": 1000/);
  // The run's stored params: what was sent, with the job's defaults filled in.
  const stored = JSON.parse(await editor.inputValue()) as Record<string, unknown>;
  expect(stored).toMatchObject(params);
  const changed = { ...stored, fail: false, items: 10, pauseMs: 0 };
  await editor.fill(JSON.stringify(changed));
  await dialog.getByRole('button', { name: 'Enqueue Job' }).click();
  const toast = page.getByText(/^Job enqueued: #\d+$/);
  await expect(toast).toBeVisible();
  // Back on the Job Manager, with no trace of the run the form was prefilled from.
  await expect(page).not.toHaveURL(/from=/);
  const next = (await toast.textContent())?.match(/#(\d+)/)?.[1] ?? '';
  const raw = await admin.get(`/resources/jobs/${next}/raw/params`);
  expect(await raw.json()).toEqual(changed);
});

test("the server's answer under the run form stays while socket news reloads the page behind it", async ({
  page,
  baseURL,
  consoleErrors,
}) => {
  const admin = await sessionClient(baseURL ?? '');
  await login(page);
  await page.goto('/admin/jobs/new');
  await page.waitForFunction(() => window.__remixRouter?.state.initialized === true);
  const dialog = page.getByRole('dialog', { name: 'Run New Job' });
  await dialog.locator('select').selectOption('match-scores');
  await dialog.getByLabel('Parameters (JSON)').fill('{"candidateBatchSize": 0}');
  await dialog.getByRole('button', { name: 'Enqueue Job' }).click();
  const answer = dialog.getByRole('alert');
  await expect(answer).toContainText('candidateBatchSize');
  // Another admin's run starts and ends: the socket news reloads the Job Manager behind the dialog
  // (its history lists the run). The router drops an action's answer at such a reload; the form's
  // error used to vanish with it while the user was reading it.
  const other = await enqueue(admin, 'trending', { items: 0 });
  await waitUntilFinished(admin, other.id);
  await expect(page.locator(`.job-history [data-run-id="${other.id}"]`)).toHaveCount(1);
  await expect(answer).toContainText('candidateBatchSize');
  expect(consoleErrors.take(/status of 400/)).toHaveLength(1);
});
