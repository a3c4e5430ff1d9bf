import { expect, type Page, test } from '@playwright/test';
import { login } from './support/auth.js';

/** Every console error and page error of a page, to fail on (the CSP report of the injection aside). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

declare global {
  interface Window {
    __injected?: boolean;
    __remixRouter?: { state: { initialized: boolean } };
  }
}

test('an inline script without the nonce is blocked, and the pages still hydrate without errors', async ({
  page,
}) => {
  const errors = collectErrors(page);
  // What an HTML injection would put on the page: an inline script, no nonce.
  await page.route('**/login', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<head>', '<head><script>window.__injected = true</script>');
    await route.fulfill({ response, body: html });
  });
  await page.goto('/login');
  await page.waitForFunction(() => window.__remixRouter?.state.initialized === true);
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  const blocked = errors.filter((e) => /Content Security Policy/.test(e));
  expect(blocked.length).toBe(1);
  await page.unroute('**/login');

  // The app's own pages: hydrated, interactive, and not a single console error.
  const clean = collectErrors(page);
  await login(page);
  for (const path of ['/admin', '/admin/jobs', '/admin/audit']) {
    await page.goto(path);
    await page.waitForFunction(() => window.__remixRouter?.state.initialized === true);
  }
  await page
    .getByRole('link', { name: /Job Manager|Jobs/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/admin\/jobs/);
  expect(clean).toEqual([]);
});
