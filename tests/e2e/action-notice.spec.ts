import { login } from './support/auth.js';
import { expect, test } from './support/test.js';

test('the enqueue confirmation is a toast that expires; reload and Back never bring it back', async ({
  page,
}) => {
  await login(page);
  await page.goto('/admin/jobs');
  await page.getByRole('link', { name: 'Run New Job' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run New Job' });
  await dialog.locator('select').selectOption('trending');
  await dialog.getByRole('button', { name: 'Load Defaults' }).click();
  await dialog.getByRole('button', { name: 'Enqueue Job' }).click();

  const toast = page.getByText(/^Job enqueued: #\d+$/);
  await expect(toast).toBeVisible();
  const id = /#(\d+)/.exec((await toast.textContent()) ?? '')?.[1];
  expect(id).toBeDefined();
  await expect(page.locator('.active-jobs')).toContainText(`#${id}`);
  // The result is not kept in the address: nothing to repeat on reload, nothing to return to on Back.
  await expect(page).not.toHaveURL(/notice=/);
  await expect(page.getByTestId('flash')).toHaveCount(0);
  // It closes by itself (hover pauses a toast, so the pointer leaves it first).
  await page.mouse.move(0, 0);
  await expect(toast).toBeHidden();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Job Manager' })).toBeVisible();
  await expect(page.getByText(/Job enqueued/)).toHaveCount(0);
  await page.goBack();
  await expect(page).not.toHaveURL(/notice=/);
  await expect(page.getByText(/Job enqueued/)).toHaveCount(0);
});
