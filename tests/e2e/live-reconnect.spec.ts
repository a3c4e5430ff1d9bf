import type { WebSocketRoute } from '@playwright/test';
import { activeCard } from './support/active.js';
import { cancel, enqueue, sessionClient } from './support/api.js';
import { login } from './support/auth.js';
import { expect, test } from './support/test.js';

test('the socket drops: a real countdown, Retry now, "paused", and the missed run at once on reconnect', async ({
  page,
  baseURL,
  consoleErrors,
}) => {
  // The page's socket goes through this route: while the relay is "down" a new connection is
  // accepted and never answered (a relay that hangs), and the snapshot endpoint fails as well.
  let relayUp = true;
  const open: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    open.push(ws);
    if (relayUp) ws.connectToServer();
  });
  await login(page);
  await page.goto('/admin/jobs');
  const liveness = page.locator('.active-jobs [data-field="liveness"]');
  await expect(page.locator('.active-jobs')).toHaveAttribute('data-source', 'live');
  await expect(liveness).toHaveText('updates live');

  relayUp = false;
  await page.route('**/resources/jobs/active', (route) => route.abort());
  for (const ws of open.splice(0)) await ws.close();
  const banner = page.getByRole('status').filter({ hasText: 'Real-time updates paused' });
  await expect(banner).toBeVisible();
  await expect(liveness).toHaveText('updates paused');
  await expect(banner.getByRole('button', { name: 'Retry now' })).toBeVisible();
  // Either the scheduled attempt's own countdown in whole seconds, or the attempt under way.
  const nextAttempt = banner.locator('[data-field="next-attempt"]');
  await expect(nextAttempt).toHaveText(/^ ?(Next attempt in \d+s|Trying to reconnect now) \(attempt 1\)\.$/);

  const admin = await sessionClient(baseURL ?? '');
  const run = await enqueue(admin, 'quiz-answer-stats', { slow: true });
  // The first attempt hangs: it is given up after a few seconds and the next one is counted down,
  // instead of "a moment" until Socket.IO's own 20 s timeout.
  await expect(nextAttempt).toHaveText(/^ ?(Next attempt in \d+s|Trying to reconnect now) \(attempt 2\)\.$/);
  await expect(activeCard(page, run.id)).toHaveCount(0);

  relayUp = true;
  await page.unroute('**/resources/jobs/active');
  await banner.getByRole('button', { name: 'Retry now' }).click();
  await expect(liveness).toHaveText('updates live');
  const back = Date.now();
  // The resync's snapshot goes out on connect, not after the retry delay of the failed polls.
  await expect(activeCard(page, run.id)).toBeVisible({ timeout: 1000 });
  test
    .info()
    .annotations.push({ type: 'run visible after reconnect', description: `${Date.now() - back} ms` });
  await expect(banner).toHaveCount(0);
  await cancel(admin, run.id);
  await page.close();
  // What this test provokes: Chromium reports each aborted snapshot request.
  consoleErrors.take(/ERR_FAILED/);
});
