import { openLiveJobManager } from './support/active.js';
import { enqueue, sessionClient } from './support/api.js';
import { login } from './support/auth.js';
import { startStack } from './support/stack.js';
import { expect, type Page, test } from './support/test.js';

async function openPanel(page: Page) {
  await page.getByRole('button', { name: /^Jobs/ }).click();
  return page.getByRole('dialog', { name: 'Jobs' });
}

test('the JobsPanel keeps its runs across navigation and a refresh', async ({ page, baseURL }) => {
  await openLiveJobManager(page);
  const admin = await sessionClient(baseURL ?? '');
  const run = await enqueue(admin, 'media-metadata-batch', { slow: true });
  await expect(page.getByRole('button', { name: /^Jobs, \d+ in progress/ })).toBeVisible();
  let panel = await openPanel(page);
  await expect(panel).toContainText(`#${run.id}`);
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  // The overview: stats, the throughput/failure chart, and the way to the Job Manager.
  await expect(page.getByRole('img', { name: /Finished runs per 15 minutes/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Manage Jobs' })).toHaveAttribute('href', '/admin/jobs');
  panel = await openPanel(page);
  await expect(panel).toContainText(`#${run.id}`);
  await page.keyboard.press('Escape');

  await page.reload();
  panel = await openPanel(page);
  await expect(panel).toContainText(`#${run.id}`);
  await panel.getByRole('button', { name: new RegExp(`^Cancel .*#${run.id}`) }).click();
  // Cancel asks first, as on the cards; the panel stays open behind the question.
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel run' }).click();
  await expect(panel).toContainText(/Cancelled|Stopping/);
});

test("the panel offers Cancel only where the run's definition allows it", async ({ page, baseURL }) => {
  await openLiveJobManager(page);
  const admin = await sessionClient(baseURL ?? '');
  const locked = await enqueue(admin, 'stats-reconcile', { slow: true });
  const open = await enqueue(admin, 'quiz-answer-stats', { slow: true });
  const panel = await openPanel(page);
  await expect(panel).toContainText(`#${locked.id}`);
  await expect(panel).toContainText(`#${open.id}`);
  await expect(panel.getByRole('button', { name: new RegExp(`^Cancel .*#${open.id}`) })).toBeVisible();
  await expect(panel.getByRole('button', { name: new RegExp(`^Cancel .*#${locked.id}`) })).toHaveCount(0);
  // "Keep running" sends nothing and leaves the run cancellable.
  await panel.getByRole('button', { name: new RegExp(`^Cancel .*#${open.id}`) }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Keep running' }).click();
  await expect(panel.getByRole('button', { name: new RegExp(`^Cancel .*#${open.id}`) })).toBeEnabled();
  for (const id of [locked.id, open.id]) await admin.post(`/resources/jobs/${id}/cancel`);
});

test('two tabs share one socket, and both see live updates', async ({ context, baseURL }) => {
  const admin = await sessionClient(baseURL ?? '');
  const sockets = async () =>
    ((await (await admin.get('/resources/health')).json()) as { browserSockets: number }).browserSockets;
  await expect.poll(sockets).toBe(0);
  const one = await context.newPage();
  await login(one);
  await one.goto('/admin/jobs');
  const two = await context.newPage();
  await two.goto('/admin/jobs');
  await expect(one.locator('.active-jobs')).toHaveAttribute('data-source', 'live');
  await expect(two.locator('.active-jobs')).toHaveAttribute('data-source', 'live');
  await expect.poll(sockets).toBe(1);
  const run = await enqueue(admin, 'build-user-traits', { items: 1000, batchSize: 250, pauseMs: 800 });
  await expect(one.locator('.active-jobs')).toContainText(`#${run.id}`);
  await expect(two.locator('.active-jobs')).toContainText(`#${run.id}`);
  expect(await sockets()).toBe(1);
  // The tab holding the socket goes away: the other takes over, still one socket.
  await one.close();
  await expect.poll(sockets, { timeout: 20_000 }).toBe(1);
  const next = await enqueue(admin, 'user-interest-sets', { items: 0 });
  await expect(two.locator('.job-history')).toContainText(`#${next.id}`);
});

test('the server restarts and the page reconverges without a reload', async ({ page, consoleErrors }) => {
  const stack = await startStack();
  try {
    await login(page, 'admin', { baseURL: stack.url });
    await page.goto(`${stack.url}/admin/jobs`);
    await expect(page.locator('.active-jobs')).toHaveAttribute('data-source', 'live');
    await stack.restart();
    // Same port, same data dir: the session survived, the socket comes back by itself.
    const admin = await sessionClient(stack.url);
    const run = await enqueue(admin, 'quiz-answer-stats', { slow: true });
    await expect(page.locator('.active-jobs')).toContainText(`#${run.id}`, { timeout: 30_000 });
    await expect(page.getByText('Real-time updates paused')).toHaveCount(0);
    const res = await admin.post(`/resources/jobs/${run.id}/cancel`);
    expect(res.status()).toBe(202);
    await expect(page.locator('.active-jobs')).not.toContainText(`#${run.id}`, { timeout: 20_000 });
  } finally {
    // Closed before the stack stops, so it logs nothing more about a server that is gone.
    await page.close();
    await stack.stop();
  }
  // The errors this test may provoke: Chromium reports each request and socket attempt the stopped
  // server refused while it restarted (none when the restart is quicker than the next attempt).
  consoleErrors.take(/ERR_CONNECTION_REFUSED/);
});
