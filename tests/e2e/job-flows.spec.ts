import { activeCard, openLiveJobManager, recordCancelRequests } from './support/active.js';
import { cancel, enqueue, sessionClient } from './support/api.js';
import { login } from './support/auth.js';
import { expect, test } from './support/test.js';

// The five user flows and acceptance cases 2-6 (case 1, the empty state, is in resilience.spec).
// Each test uses its own job so runs of one test never queue behind another's (one run per job at a time).

test('flow 1 / case 2: an active run shows live progress and ETA, then moves to history', async ({
  page,
  baseURL,
}) => {
  await openLiveJobManager(page);
  const admin = await sessionClient(baseURL ?? '');
  const run = await enqueue(admin, 'compatibility', { items: 4000, batchSize: 500, pauseMs: 500 });
  const card = page
    .locator('.active-jobs article, .active-jobs li, .active-jobs [data-status]')
    .filter({ hasText: `#${run.id}` })
    .first();
  await expect(card).toBeVisible();
  const bar = card.getByRole('progressbar');
  await expect(bar).toHaveAttribute('aria-valuenow', /^(1[0-9]|[2-9][0-9])$/);
  const first = Number(await bar.getAttribute('aria-valuenow'));
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(first);
  await expect(card.locator('[data-field="eta"]')).toContainText(/\d+s left/);
  await expect(page.locator('.active-jobs')).not.toContainText(`#${run.id}`, { timeout: 20_000 });
  const row = page.locator('.job-history').getByText(`#${run.id}`);
  await expect(row).toBeVisible();
  await expect(page.locator('.job-history')).toContainText(/✓/);
});

test('flow 2: Run New Job shows "Job enqueued: #N" and the run in the active list', async ({ page }) => {
  await login(page);
  await page.goto('/admin/jobs');
  await page.click('text=Run New Job');
  await page.selectOption('select', 'trending');
  await page.getByRole('button', { name: 'Load Defaults' }).click();
  await expect(page.locator('textarea')).toHaveValue(/windowHours/);
  await page.click('text=Enqueue Job');
  const toast = page.getByText(/^Job enqueued: #\d+$/);
  await expect(toast).toBeVisible();
  await expect(page).toHaveURL(/#active$/);
  const id = (await toast.textContent())?.match(/#(\d+)/)?.[1];
  await expect(page.locator('.active-jobs')).toContainText(`#${id}`);
  // The audit log (admins only) has the action: who, what, which run, when.
  await page.getByRole('link', { name: 'Audit' }).click();
  const entry = page.getByRole('row').filter({ hasText: `#${id}` });
  await expect(entry).toContainText('admin@e2e.test');
  await expect(entry).toContainText('enqueue trending');
  await expect(entry).toContainText('ok');
});

test('invalid params: a JSON syntax error stays on the client; a server ApiError reaches the params field', async ({
  page,
  consoleErrors,
}) => {
  await login(page);
  await page.goto('/admin/jobs/new');
  await page.selectOption('select', 'match-scores');
  await page.fill('textarea', '{"userId": ');
  await page.click('text=Enqueue Job');
  await expect(page.getByRole('dialog')).toContainText(/Invalid JSON/);
  await page.fill('textarea', '{"candidateBatchSize": 0}');
  await page.click('text=Enqueue Job');
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('candidateBatchSize');
  await expect(page.locator('textarea')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/admin\/jobs\/new/);
  // The one error this test provokes: Chromium reports the server's 400 for the params it rejects.
  expect(consoleErrors.take(/status of 400/)).toHaveLength(1);
});

test('flow 3 / case 4: cancel asks first, shows "Stopping…" at once, sends one request, and the run stops', async ({
  page,
  baseURL,
}) => {
  await openLiveJobManager(page);
  const admin = await sessionClient(baseURL ?? '');
  const run = await enqueue(admin, 'feed-presort', { slow: true });
  const requests = recordCancelRequests(page, run.id);
  const card = activeCard(page, run.id);
  await card.getByRole('button', { name: /^Cancel/ }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText(`Cancel feed-presort (#${run.id})?`);
  // The demo job stops within milliseconds, so "Stopping…" is caught by an observer, not by polling.
  await page.evaluate(() => {
    const flags = window as unknown as { sawStopping: boolean };
    flags.sawStopping = false;
    new MutationObserver(() => {
      if (document.querySelector('.active-jobs')?.textContent?.includes('Stopping')) flags.sawStopping = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await confirm.getByRole('button', { name: 'Cancel run' }).click();
  // Spam: click whatever button the card now has, five times, as fast as the page can.
  await page.evaluate((id) => {
    const card = [...document.querySelectorAll('.active-jobs article')].find((a) =>
      a.textContent?.includes(`#${id}`),
    );
    const button = card?.querySelector<HTMLButtonElement>(
      'button[aria-label^="Stopping"], button[aria-label^="Cancel"]',
    );
    for (let i = 0; i < 5; i++) button?.click();
  }, run.id);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { sawStopping: boolean }).sawStopping))
    .toBe(true);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.locator('.active-jobs')).not.toContainText(`#${run.id}`, { timeout: 20_000 });
  expect(requests).toHaveLength(1);
  await page
    .locator('.job-history')
    .getByRole('group', { name: 'Filter by status' })
    .getByRole('link', { name: 'Cancelled' })
    .click();
  await expect(page).toHaveURL(/status=CANCELLED/);
  await expect(page.locator('.job-history')).toContainText(`#${run.id}`);
});

test('flow 4 / case 3: a failed run shows its error, and Re-run starts a new run with the same params', async ({
  page,
  baseURL,
}) => {
  const admin = await sessionClient(baseURL ?? '');
  const run = await enqueue(admin, 'affinity', { fail: true, items: 1000, batchSize: 250, pauseMs: 100 });
  await login(page);
  await page.goto('/admin/jobs?job=affinity&status=FAILED');
  await expect(page.locator('.job-history')).toContainText(`#${run.id}`, { timeout: 20_000 });
  await expect(page.locator('.job-history')).toContainText('Database timeout');
  await page.goto(`/admin/jobs/runs/${run.id}`);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`affinity (#${run.id})`);
  await expect(dialog).toContainText('Database timeout while writing batch 2/4');
  await dialog.getByRole('button', { name: 'Re-run Job' }).click();
  const toast = page.getByText(/^Job re-run: #\d+$/);
  await expect(toast).toBeVisible();
  const next = (await toast.textContent())?.match(/#(\d+)/)?.[1];
  expect(next).not.toBe(run.id);
  await expect(page).toHaveURL(new RegExp(`/admin/jobs/runs/${next}$`));
  await expect(page.getByRole('dialog')).toContainText(`re-run of #${run.id}`);

  // The raw stored params download through the dashboard (the service token stays on the server).
  const raw = await admin.get(`/resources/jobs/${run.id}/raw/params`);
  expect(raw.status()).toBe(200);
  expect(raw.headers()['content-disposition']).toContain(`run-${run.id}-params.json`);
  expect(await raw.json()).toMatchObject({ fail: true, items: 1000 });
  // Re-running a run that does not exist lands in the modal's error boundary, the page stays.
  const missing = await admin.post('/admin/jobs/runs/999999/retry', { form: {} });
  expect(missing.status()).toBe(404);
});

test('flow 5: Clean Up Stalled Jobs previews before it cleans', async ({ page }) => {
  await login(page);
  await page.goto('/admin/jobs');
  await page.getByRole('button', { name: 'Clean Up Stalled Jobs' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('No stalled jobs found.');
});

test('case 5: logs stream in while the run works, levels highlighted', async ({ page, baseURL }) => {
  const admin = await sessionClient(baseURL ?? '');
  // Logged in before the run starts, and a run long enough (20 batches, ~14 s) that the page opens
  // while it works: the stream is what is tested, so the run must still be writing when the page looks.
  await login(page);
  const run = await enqueue(admin, 'content-features', { items: 6000, batchSize: 300, pauseMs: 700 });
  await page.goto(`/admin/jobs/runs/${run.id}/logs`);
  const rows = page.getByRole('dialog').locator('li[data-index]');
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(before);
  await expect(page.getByRole('dialog').locator('li[data-level="warn"]')).toContainText('skipped');
  await cancel(admin, run.id);
});

test('log lines written before the socket is up are not lost between the snapshot and the stream', async ({
  page,
  baseURL,
}) => {
  const admin = await sessionClient(baseURL ?? '');
  await login(page);
  // Batches of ~1.5 s: the batch-2 warning comes ~3 s in. The page's first socket is held for 4 s
  // (under the live client's 5 s bound on one connection attempt, so it is the same attempt that
  // connects), so the warning is written after the page's snapshot and before its stream. The page
  // must still show it.
  let held = false;
  await page.routeWebSocket(/\/socket\.io\//, async (ws) => {
    if (!held) {
      held = true;
      await new Promise((r) => setTimeout(r, 4000));
    }
    ws.connectToServer();
  });
  const run = await enqueue(admin, 'content-features', {
    items: 6000,
    batchSize: 300,
    pauseMs: 150,
    slow: true,
  });
  await page.goto(`/admin/jobs/runs/${run.id}/logs`);
  await expect(page.getByRole('dialog').locator('li[data-level="warn"]')).toContainText('skipped');
  await cancel(admin, run.id);
});

test('case 6: bulk start multiple and cancel all, with a preview count and a result', async ({ page }) => {
  await login(page);
  await page.goto('/admin/jobs/bulk');
  const start = page.getByRole('form', { name: 'Start multiple' });
  await start.getByLabel('Job').selectOption('profile-search-index');
  await start.getByLabel('How many (1–50)').fill('3');
  await start.getByLabel('Parameters (JSON)').fill('{"slow": true}');
  await expect(page.getByTestId('start-preview')).toHaveText(
    'This will start 3 runs of profile-search-index.',
  );
  await start.getByRole('button', { name: 'Start multiple' }).click();
  await expect(page.getByTestId('bulk-result')).toContainText('Started 3 of 3 runs of profile-search-index.');
  const cancelAll = page.getByRole('form', { name: 'Cancel all' });
  await cancelAll.getByLabel('Only this job (optional)').selectOption('profile-search-index');
  await expect(page.getByTestId('cancel-preview')).toHaveText('This will cancel 3 active runs.');
  await cancelAll.getByRole('button', { name: 'Cancel all…' }).click();
  // A second step names the count before anything is cancelled.
  await expect(page.getByTestId('cancel-confirm')).toContainText(
    'Cancel 3 active runs of profile-search-index?',
  );
  await page.getByRole('button', { name: 'Cancel 3 runs' }).click();
  await expect(page.getByTestId('bulk-result')).toContainText('Cancel requested for 3 of 3 active runs.');
});

test('details are linkable and cancel from the details dialog after confirmation', async ({
  page,
  baseURL,
}) => {
  const admin = await sessionClient(baseURL ?? '');
  const run = await enqueue(admin, 'searchable-user', { slow: true });
  await login(page);
  await page.goto('/admin/jobs');
  const card = activeCard(page, run.id);
  await card.getByRole('link', { name: /^Details/ }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/jobs/runs/${run.id}$`));
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`searchable-user (#${run.id})`);
  await dialog.getByRole('button', { name: /^Cancel/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel run' }).click();
  await expect(dialog).toContainText(/Cancelled/, { timeout: 20_000 });
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/admin\/jobs$/);
  await expect(page.locator('.active-jobs')).not.toContainText(`#${run.id}`);
});

test('flow 3, step 7: a cancel that fails reverts the card and shows an error toast', async ({
  page,
  baseURL,
  consoleErrors,
}) => {
  const admin = await sessionClient(baseURL ?? '');
  const run = await enqueue(admin, 'compatibility', { slow: true });
  await login(page);
  await page.goto('/admin/jobs');
  // The network between browser and dashboard fails for this one request.
  await page.route(`**/resources/jobs/${run.id}/cancel`, (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({
        error: 'Jobs API unavailable',
        details: 'The jobs API cannot be reached.',
        retryable: true,
      }),
    }),
  );
  const card = activeCard(page, run.id);
  await card.getByRole('button', { name: /^Cancel/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel run' }).click();
  // exact: the toast region's screen-reader announcement repeats the text inside a longer string
  await expect(page.getByText('The jobs API cannot be reached.', { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: /^Cancel/ })).toBeEnabled();
  // The one error this test provokes: Chromium reports the injected 503.
  expect(consoleErrors.take(/status of 503/)).toHaveLength(1);
  await page.unroute(`**/resources/jobs/${run.id}/cancel`);
  const res = await admin.post(`/resources/jobs/${run.id}/cancel`);
  expect(res.status()).toBe(202);
});

test('flow 3: "Keep running" in the confirmation sends nothing and leaves the card cancellable', async ({
  page,
  baseURL,
}) => {
  await openLiveJobManager(page);
  const admin = await sessionClient(baseURL ?? '');
  // One run per job at a time: the second waits QUEUED, so no progress event can mask a stuck card.
  const first = await enqueue(admin, 'user-interest-sets', { slow: true });
  const run = await enqueue(admin, 'user-interest-sets', { slow: true });
  const requests = recordCancelRequests(page, run.id);
  const card = activeCard(page, run.id);
  await card.getByRole('button', { name: /^Cancel/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Keep running' }).click();
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await expect(card).toHaveAttribute('data-status', 'QUEUED');
  await expect(card.getByRole('button', { name: /^Cancel/ })).toBeEnabled({ timeout: 1_000 });
  await expect(card).not.toContainText('Stopping');
  expect(requests).toEqual([]);
  for (const id of [run.id, first.id]) {
    expect((await admin.post(`/resources/jobs/${id}/cancel`)).status()).toBe(202);
  }
});
