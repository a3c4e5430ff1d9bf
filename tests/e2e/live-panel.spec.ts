import type { Locator } from '@playwright/test';
import { openLiveJobManager } from './support/active.js';
import { enqueue, sessionClient, waitUntilFinished } from './support/api.js';
import { login } from './support/auth.js';
import { expect, type Page, test } from './support/test.js';

async function openPanel(page: Page) {
  await page.getByRole('button', { name: /^Jobs/ }).click();
  return page.getByRole('dialog', { name: 'Jobs' });
}

const runIdsIn = (list: Locator) =>
  list.evaluateAll((els) => els.map((el) => el.getAttribute('data-run-id') ?? '?'));

test("a burst: the panel's badge is the page's count in every frame, and its list is in the page's order", async ({
  page,
  baseURL,
}) => {
  await openLiveJobManager(page);
  // Every animation frame: does the badge say what the page's count says?
  await page.evaluate(() => {
    const w = window as unknown as { mismatches: string[] };
    w.mismatches = [];
    const check = () => {
      const badge = document.querySelector('[data-in-progress]')?.getAttribute('data-in-progress') ?? '0';
      const count = document.querySelector('.active-jobs [data-field="count"]')?.textContent ?? '0';
      if (badge !== count.replace(/,/g, '')) w.mismatches.push(`${badge} vs ${count}`);
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  const admin = await sessionClient(baseURL ?? '');
  // "Start multiple": 20 runs created in one loop on the server, many in the same millisecond.
  const started = await admin.post('/admin/jobs/bulk', {
    form: { intent: 'start', jobName: 'quiz-answer-stats', count: '20', params: '{"slow": true}' },
    maxRedirects: 0,
  });
  expect(started.status()).toBeLessThan(400);
  try {
    // the section's count comes first; each card carries its own progress count further down
    await expect(page.locator('.active-jobs [data-field="count"]').first()).toHaveText(/^(2\d|[3-9]\d)$/);
    const panel = await openPanel(page);
    const rows = panel.getByRole('region', { name: 'In progress' }).getByRole('listitem');
    const cards = page.locator('.active-jobs article[data-run-id]');
    // The panel's code loads on first use: read its list once it is there.
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    const pageIds = await runIdsIn(cards);
    const panelIds = await runIdsIn(rows);
    const shown = Math.min(pageIds.length, panelIds.length);
    expect(shown).toBeGreaterThan(3);
    expect(panelIds.slice(0, shown)).toEqual(pageIds.slice(0, shown));
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { mismatches: string[] }).mismatches)).toEqual([]);
  } finally {
    await admin.post('/admin/jobs/bulk', {
      form: { intent: 'cancel-all', jobName: 'quiz-answer-stats' },
      maxRedirects: 0,
    });
  }
});

test('"Clear finished" in the panel survives a reload', async ({ page, baseURL }) => {
  const admin = await sessionClient(baseURL ?? '');
  const run = await enqueue(admin, 'user-interest-sets', { items: 0 });
  await waitUntilFinished(admin, run.id);
  await login(page);
  await page.goto('/admin/jobs');
  let panel = await openPanel(page);
  await expect(panel.getByRole('region', { name: 'Recent' })).toContainText(`#${run.id}`);
  await panel.getByRole('button', { name: 'Clear finished' }).click();
  await expect(panel).not.toContainText(`#${run.id}`);
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.locator('.active-jobs')).toHaveAttribute('data-source', 'live');
  // The panel's history seed has answered by now (it is requested with the page's first data).
  await expect(page.locator('.job-history')).toContainText(`#${run.id}`);
  panel = await openPanel(page);
  await expect(panel).not.toContainText(`#${run.id}`);
  // A run that ends after the clear is listed again.
  const next = await enqueue(admin, 'user-interest-sets', { items: 0 });
  await expect(panel.getByRole('region', { name: 'Recent' })).toContainText(`#${next.id}`);
});

test('a run the user started is announced when it starts and ends, and its success is toasted', async ({
  page,
}) => {
  await login(page);
  await page.goto('/admin/jobs');
  const announcer = page.getByTestId('live-announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await page.click('text=Run New Job');
  await page.selectOption('select', 'build-user-traits');
  await page.locator('textarea').fill('{"items": 1000, "batchSize": 250, "pauseMs": 800}');
  await page.click('text=Enqueue Job');
  const enqueued = page.getByText(/^Job enqueued: #\d+$/);
  await expect(enqueued).toBeVisible();
  const id = (await enqueued.textContent())?.match(/#(\d+)/)?.[1];
  await expect(announcer).toHaveText(new RegExp(`build-user-traits #${id} started`));
  await expect(announcer).toHaveText(`build-user-traits #${id} finished successfully`);
  await expect(page.getByText(`build-user-traits #${id} finished`, { exact: true })).toBeVisible();
});
