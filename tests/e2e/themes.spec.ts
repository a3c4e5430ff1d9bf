import { login } from './support/auth.js';
import { expect, type Page, test } from './support/test.js';

// The theme is the person's choice (light, dark, system) and the page and the @jobs/ui components
// always show the same one: the page's own chrome and the components read the same tokens.

const SURFACE = { light: 'rgb(249, 250, 251)', dark: 'rgb(17, 24, 39)' };
const RAISED = { light: 'rgb(255, 255, 255)', dark: 'rgb(31, 41, 55)' };
type Shown = keyof typeof SURFACE;

/** What the page itself (body) and a component (the jobs panel's button) are painted with. */
async function painted(page: Page): Promise<{ page: string; component: string }> {
  const trigger = page.locator('.topbar__tools button[aria-haspopup="dialog"]');
  return {
    page: await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
    component: await trigger.evaluate((el) => getComputedStyle(el).backgroundColor),
  };
}

async function choose(page: Page, theme: 'light' | 'dark' | 'system'): Promise<void> {
  await page.locator('.theme-switch').getByRole('button', { name: theme, exact: false }).click();
}

test('page and components agree on the theme for every choice and OS preference', async ({ page }) => {
  await login(page);
  await page.goto('/admin/jobs');
  await page.waitForFunction(() => window.__remixRouter?.state.initialized === true);
  const cases: Array<['light' | 'dark' | 'system', 'light' | 'dark', Shown]> = [
    ['system', 'light', 'light'],
    ['system', 'dark', 'dark'],
    ['light', 'dark', 'light'],
    ['light', 'light', 'light'],
    ['dark', 'light', 'dark'],
    ['dark', 'dark', 'dark'],
  ];
  for (const [choice, os, shown] of cases) {
    await page.emulateMedia({ colorScheme: os });
    await choose(page, choice);
    await expect(page.locator('.theme-switch').getByRole('button', { pressed: true })).toHaveText(
      new RegExp(choice, 'i'),
    );
    await expect
      .poll(() => painted(page), { message: `${choice} with the OS ${os}` })
      .toEqual({ page: SURFACE[shown], component: RAISED[shown] });
  }
});

test('with JavaScript the choice shows before the server has answered, and is remembered', async ({
  page,
}) => {
  await login(page);
  await page.goto('/admin');
  await page.waitForFunction(() => window.__remixRouter?.state.initialized === true);
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/theme*', async (route) => {
    await held;
    await route.continue();
  });
  await choose(page, 'dark');
  // The request is still held: the page is dark already.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/theme'));
  release();
  expect((await answered).status()).toBe(200);
  await page.unrouteAll();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await choose(page, 'system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
});

test('without JavaScript the switch posts a form and the page comes back in the theme', async ({
  browser,
  consoleErrors,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL: test.info().project.use.baseURL,
  });
  const page = await context.newPage();
  consoleErrors.watch(page);
  await login(page);
  await page.goto('/admin/jobs?status=FAILED');
  await choose(page, 'dark');
  await expect(page).toHaveURL(/\/admin\/jobs\?status=FAILED$/);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await choose(page, 'light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await context.close();
});

test('the server renders the remembered theme on <html>: no flash of the other one', async ({
  page,
  baseURL,
}) => {
  await login(page);
  for (const theme of ['dark', 'light'] as const) {
    await page.context().addCookies([{ name: 'jobs-theme', value: theme, url: baseURL ?? '' }]);
    for (const path of ['/login', '/admin', '/admin/jobs']) {
      const html = await (await page.request.get(path)).text();
      expect(html, path).toMatch(new RegExp(`<html lang="en" data-theme="${theme}"`));
    }
  }
  await page.context().addCookies([{ name: 'jobs-theme', value: 'system', url: baseURL ?? '' }]);
  expect(await (await page.request.get('/admin')).text()).toMatch(/<html lang="en">/);
});
