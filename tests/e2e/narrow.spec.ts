import { enqueue, sessionClient, waitUntilFinished } from './support/api.js';
import { login } from './support/auth.js';
import { expect, type Page, test } from './support/test.js';

// A phone, 390 px wide (the narrow project): everything reachable and readable. The fixture also
// fails any of these pages that scrolls sideways.

async function withinViewport(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  const viewport = page.viewportSize();
  expect(box, selector).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.x, `${selector} left edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${selector} right edge`).toBeLessThanOrEqual(viewport.width);
}

test('the top bar wraps: every page keeps Log out on screen', async ({ page }) => {
  await login(page);
  for (const path of ['/admin', '/admin/jobs', '/admin/audit']) {
    await page.goto(path);
    const logOut = page.getByRole('button', { name: 'Log out' });
    await expect(logOut, path).toBeInViewport({ ratio: 1 });
    await expect(page.locator('.theme-switch'), path).toBeInViewport({ ratio: 1 });
  }
});

test('history shows whole job names, the panel opens as a sheet, dialogs fit', async ({ page, baseURL }) => {
  const admin = await sessionClient(baseURL ?? '');
  const run = await enqueue(admin, 'media-orphan-cleanup', {});
  await waitUntilFinished(admin, run.id);
  await login(page);
  await page.goto(`/admin/jobs?q=${run.id}`);
  await page.waitForFunction(() => window.__remixRouter?.state.initialized === true);

  const history = page.getByRole('region', { name: 'Job History' });
  const name = history.locator('h3 [dir="auto"]', { hasText: 'media-orphan-cleanup' }).first();
  await expect(name).toBeVisible();
  // Not cut: the whole name fits the box it is drawn in (it wraps instead of ending in "…").
  const cut = await name.evaluate(
    (el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight,
  );
  expect(cut, 'the job name is cut').toBe(false);

  await page.locator('.topbar__tools button[aria-haspopup="dialog"]').click();
  const sheet = page.getByRole('dialog', { name: 'Jobs' });
  await expect(sheet).toBeVisible();
  const box = await sheet.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport).toBeTruthy();
  if (box && viewport) {
    expect(box.x).toBe(0);
    expect(box.width).toBe(viewport.width);
    expect(Math.round(box.y + box.height)).toBe(viewport.height);
  }
  await page.keyboard.press('Escape');

  await page.goto(`/admin/jobs/runs/${run.id}`);
  await expect(page.getByRole('dialog')).toBeVisible();
  await withinViewport(page, '[role="dialog"]');

  await page.goto('/admin/jobs/new');
  await expect(page.getByRole('dialog')).toBeVisible();
  await withinViewport(page, '[role="dialog"]');
});

test('a page wider than the screen is caught, naming what sticks out', async ({ page, consoleErrors }) => {
  await page.goto('/login');
  await page.evaluate(() => {
    const wide = document.createElement('div');
    wide.className = 'too-wide';
    wide.style.width = '600px';
    wide.textContent = 'wide';
    document.body.append(wide);
  });
  await expect
    .poll(() => consoleErrors.take(/horizontal scroll/))
    .toEqual([expect.stringMatching(/scrollWidth 600 > clientWidth 390 \(div\.too-wide\)/)]);
  // Taken and asserted; gone again, so the check at the test's end finds the page fine.
  await page.evaluate(() => document.querySelector('.too-wide')?.remove());
});
