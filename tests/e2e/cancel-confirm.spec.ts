import type { Locator, Page } from '@playwright/test';
import { activeCard, openLiveJobManager, recordCancelRequests } from './support/active.js';
import { cancel, enqueue, sessionClient } from './support/api.js';
import { login } from './support/auth.js';
import { expect, test } from './support/test.js';

/** What a reader of the question sees, in order: title, description, then the two choices. */
async function question(dialog: Locator) {
  await expect(dialog).toBeVisible();
  return {
    title: ((await dialog.getByRole('heading').first().textContent()) ?? '').trim(),
    text: ((await dialog.textContent()) ?? '').replace(/\s+/g, ' ').trim(),
    choices: (await dialog.locator('button, a[href]').allTextContents()).map((t) => t.trim()),
  };
}

/** A control by its name, whether the host made it a button or a link (links work without JavaScript). */
function control(scope: Locator, name: RegExp): Locator {
  return scope.getByRole('button', { name }).or(scope.getByRole('link', { name })).first();
}

/** Answers "Keep running" and checks that the question is gone. */
async function keepRunning(page: Page) {
  await control(page.getByRole('alertdialog'), /^Keep running$/).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
}

test('cancel asks the same question, word for word, from the card, the details dialog, the panel and the page without JavaScript', async ({
  page,
  browser,
  baseURL,
  consoleErrors,
}) => {
  const admin = await sessionClient(baseURL ?? '');
  // Slow enough to stay RUNNING while the four entry points are visited; cancelled at the end.
  const run = await enqueue(admin, 'feed-presort-cleanup', { slow: true, batchSize: 1000 });
  const requests = recordCancelRequests(page, run.id);
  await openLiveJobManager(page);

  await control(activeCard(page, run.id), /^Cancel/).click();
  const fromCard = await question(page.getByRole('alertdialog'));
  expect(fromCard.title).toBe(`Cancel feed-presort-cleanup (#${run.id})?`);
  expect(fromCard.choices).toEqual(['Keep running', 'Cancel run']);
  await keepRunning(page);
  // Focus is back on the button that asked, for a keyboard user (and for the next Escape).
  await expect(control(activeCard(page, run.id), /^Cancel/)).toBeFocused();

  await control(activeCard(page, run.id), /^Details/).click();
  const details = page.getByRole('dialog').filter({ hasText: `#${run.id}` });
  const cancelInDetails = control(details, /^Cancel/);
  await cancelInDetails.click();
  expect(await question(page.getByRole('alertdialog'))).toEqual(fromCard);
  await keepRunning(page);
  await expect(cancelInDetails).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/admin\/jobs$/);

  await page.getByRole('button', { name: /^Jobs/ }).click();
  const panel = page.getByRole('dialog', { name: 'Jobs' });
  await control(panel, new RegExp(`^Cancel .*#${run.id}`)).click();
  expect(await question(page.getByRole('alertdialog'))).toEqual(fromCard);
  await keepRunning(page);
  expect(requests, 'Keep running sends nothing').toHaveLength(0);

  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL });
  try {
    const plain = await noScript.newPage();
    consoleErrors.watch(plain);
    await login(plain);
    await plain.goto('/admin/jobs');
    await control(activeCard(plain, run.id), /^Cancel/).click();
    await expect(plain).toHaveURL(new RegExp(`/admin/jobs/runs/${run.id}/cancel`));
    expect(await question(plain.getByRole('alertdialog'))).toEqual(fromCard);
  } finally {
    await noScript.close();
  }
  await cancel(admin, run.id);
});
