import { login } from './support/auth.js';
import { hydrated } from './support/hydrated.js';
import { expect, test } from './support/test.js';

declare global {
  interface Window {
    __injected?: boolean;
  }
}

test('an inline script without the nonce is blocked, and the pages still hydrate without errors', async ({
  page,
  consoleErrors,
}) => {
  // What an HTML injection would put on the page: an inline script, no nonce.
  await page.route('**/login', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<head>', '<head><script>window.__injected = true</script>');
    await route.fulfill({ response, body: html });
  });
  await page.goto('/login');
  await hydrated(page);
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  // The errors this test provokes, on this page only: the browser's report of the blocked script,
  // and, depending on where React meets the injected <script> it did not render, a hydration
  // mismatch for it (taken if present: the element is the test's, not the app's).
  expect(consoleErrors.take(/Content Security Policy/)).toHaveLength(1);
  consoleErrors.take(/Minified React error #4(18|23)\b/);
  await page.unroute('**/login');

  // The app's own pages: hydrated, interactive, and not a single console error (the fixture fails
  // the test on any other error, on this page and every other).
  await login(page);
  for (const path of ['/admin', '/admin/jobs', '/admin/audit']) {
    await page.goto(path);
    await hydrated(page);
  }
  await page
    .getByRole('link', { name: /Job Manager|Jobs/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/admin\/jobs/);
});
