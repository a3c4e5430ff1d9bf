import { openLiveJobManager } from './support/active.js';
import { enqueue, sessionClient, waitUntilFinished } from './support/api.js';
import { expect, test } from './support/test.js';

test('after a burst of runs finishing, history shows the last of them without a reload', async ({
  page,
  baseURL,
}) => {
  await openLiveJobManager(page);
  // Every run that finishes is news for history and for the stats, several in the same frame:
  // the loads they start may coalesce, but the last news must always end in a load of its own.
  const admin = await sessionClient(baseURL ?? '');
  const runs = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      enqueue(admin, 'quiz-answer-stats', { items: 10 + i, batchSize: 5, pauseMs: 20 * i }),
    ),
  );
  for (const run of runs) await waitUntilFinished(admin, run.id);
  const history = page.locator('.job-history');
  for (const run of runs)
    await expect(history.locator(`[data-run-id="${run.id}"][data-status]`)).toHaveAttribute(
      'data-status',
      'SUCCESS',
    );
});
