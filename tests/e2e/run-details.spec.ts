import { enqueue, sessionClient, waitUntilFinished } from './support/api.js';
import { login } from './support/auth.js';
import { expect, test } from './support/test.js';

// A run's details opened straight from a link or a reload: the server's markup and the browser's
// first render must agree (times, locale, time zone, "now"), or React logs hydration errors and
// renders the page again. The shared fixture fails the test on any console or page error.

test('a running and a finished run load directly without a hydration error', async ({ page, baseURL }) => {
  const admin = await sessionClient(baseURL ?? '');
  // Five batches, ~3 s: long enough to be loaded while it runs, short enough to load again finished.
  const run = await enqueue(admin, 'match-scores', { items: 500, batchSize: 100, pauseMs: 600 });
  await login(page);
  for (const state of ['running', 'finished'] as const) {
    // Earlier specs may leave runs of this job ahead of it in its queue: wait for its end on the API.
    if (state === 'finished') await waitUntilFinished(admin, run.id);
    await page.goto(`/admin/jobs/runs/${run.id}`);
    await page.waitForFunction(() => window.__remixRouter?.state.initialized === true);
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(`match-scores (#${run.id})`);
  }
});
