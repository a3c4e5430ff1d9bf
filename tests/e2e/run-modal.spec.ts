import { enqueue, sessionClient, waitUntilFinished } from './support/api.js';
import { login } from './support/auth.js';
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
