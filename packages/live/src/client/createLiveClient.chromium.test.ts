import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, probe } from '../testing/browser.js';
import { bundlePage } from '../testing/bundle.js';
import { until } from '../testing/host.js';
import { type LiveServer, startLiveServer } from '../testing/liveServer.js';

describe('@jobs/live in Chromium', () => {
  let browser: Browser;
  let files: Awaited<ReturnType<typeof bundlePage>>;
  let server: LiveServer;
  let context: BrowserContext;
  let channel = 0;

  beforeAll(async () => {
    [browser, files] = await Promise.all([
      launchChromium(),
      bundlePage('src/testing/chromiumPage/app.tsx', 'development'),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startLiveServer({ files });
    context = await browser.newContext();
    channel += 1;
  });
  afterEach(async () => {
    await context.close();
    await server.close();
  });

  const open = async (query = ''): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${server.url}/?channel=c${channel}${query}`);
    return page;
  };
  const rows = (page: Page) => page.locator('#runs li').count();

  it('shares one connection between two tabs; events reach both', async () => {
    const a = server.start(server.enqueue().id);
    const first = await open();
    await first.waitForSelector(`[data-run="${a.id}"]`);
    const second = await open();
    await second.waitForSelector(`[data-run="${a.id}"]`);
    expect(server.stats.connections).toBe(1);
    expect([(await probe(first)).role, (await probe(second)).role].sort()).toEqual(['follower', 'leader']);
    const b = server.enqueue();
    server.progress(a.id, 42);
    for (const page of [first, second]) {
      await page.waitForSelector(`[data-run="${b.id}"]`);
      await until(async () =>
        expect(await page.locator(`[data-run="${a.id}"]`).textContent()).toContain('42'),
      );
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(server.stats.totalConnections).toBe(1);
  });

  it('connects early: the socket opened before React renders is the one the page keeps; a second tab opens none', async () => {
    const a = server.enqueue();
    const first = await open('&early=400');
    await until(() => expect(server.stats.connections).toBe(1));
    await first.waitForSelector(`[data-run="${a.id}"]`);
    await first.waitForSelector('main[data-connection="live"]', { state: 'attached' });
    // A leader exists: the second tab's early connect opens nothing and it follows.
    const second = await open('&early=0');
    await second.waitForSelector(`[data-run="${a.id}"]`);
    expect((await probe(second)).role).toBe('follower');
    await new Promise((r) => setTimeout(r, 300));
    expect(server.stats.totalConnections).toBe(1);
  });

  it('connects early in two tabs opened at once: the one that follows closes its socket within a second of starting', async () => {
    const a = server.enqueue();
    // Both connect before either renders and starts, so neither sees a leader yet. Rendering is held
    // until both have: with a fixed delay instead, a loaded machine opened the second tab after the
    // first had started, and the second rightly did not connect early.
    const [first, second] = await Promise.all([open('&early=held'), open('&early=held')]);
    await until(() => expect(server.stats.totalConnections).toBe(2));
    const renderNow = (page: Page) =>
      page.evaluate(() => (window as unknown as { renderNow: () => void }).renderNow());
    await Promise.all([renderNow(first), renderNow(second)]);
    for (const page of [first, second]) await page.waitForSelector(`[data-run="${a.id}"]`);
    const roles = [(await probe(first)).role, (await probe(second)).role].sort();
    expect(roles).toEqual(['follower', 'leader']);
    await until(() => expect(server.stats.connections).toBe(1), 2500);
  });

  it('hands the socket to another tab within a couple of seconds when the leader closes', async () => {
    const first = await open();
    await until(() => expect(server.stats.connections).toBe(1));
    const second = await open();
    await second.waitForSelector('main[data-connection="live"]', { state: 'attached' });
    const leader = (await probe(first)).role === 'leader' ? first : second;
    const survivor = leader === first ? second : first;
    const closedAt = Date.now();
    await leader.close();
    await until(async () => expect((await probe(survivor)).role).toBe('leader'), 2000);
    await until(() => expect(server.stats.connections).toBe(1), 2000);
    const takeoverMs = Date.now() - closedAt;
    expect(takeoverMs).toBeLessThan(2000);
    console.info(`leader takeover: ${takeoverMs} ms (lock release → new socket connected)`);
    const c = server.enqueue();
    await survivor.waitForSelector(`[data-run="${c.id}"]`, { timeout: 2000 });
    expect(server.stats.totalConnections).toBe(2);
  });

  it('opens exactly one socket under React StrictMode (development build)', async () => {
    const page = await open('&strict');
    await page.waitForSelector('main[data-connection="live"]', { state: 'attached' });
    await new Promise((r) => setTimeout(r, 300));
    expect(server.stats.totalConnections).toBe(1);
  });

  it('sends one cancel request however often Cancel is clicked', async () => {
    const a = server.start(server.enqueue().id);
    server.behaviour.cancelDelayMs = 150;
    const page = await open();
    const button = page.locator(`[data-run="${a.id}"] button`);
    await button.waitFor();
    await Promise.all(Array.from({ length: 15 }, () => button.click()));
    await page.waitForSelector(`[data-run="${a.id}"][data-status="CANCEL_REQUESTED"]`);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.stats.cancelRequests.get(a.id)).toBe(1);
  });

  it('sends one cancel per browser: two tabs clicking Cancel 20 times each send one request', async () => {
    const a = server.start(server.enqueue().id);
    server.behaviour.cancelDelayMs = 150;
    const first = await open();
    const second = await open();
    const buttons = [first, second].map((page) => page.locator(`[data-run="${a.id}"] button`));
    for (const button of buttons) await button.waitFor();
    await Promise.all(buttons.flatMap((button) => Array.from({ length: 20 }, () => button.click())));
    for (const page of [first, second])
      await page.waitForSelector(`[data-run="${a.id}"][data-status="CANCEL_REQUESTED"]`);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.stats.cancelRequests.get(a.id)).toBe(1);
  });

  it('runs side effects once per browser: one notification, a toast and a refetch in every tab', async () => {
    const a = server.start(server.enqueue().id);
    const first = await open();
    const second = await open();
    for (const page of [first, second]) await page.waitForSelector(`[data-run="${a.id}"]`);
    await first.evaluate(
      (id) =>
        (window as unknown as { __live: { client: { watch(id: string): void } } }).__live.client.watch(id),
      a.id,
    );
    const before = await Promise.all([probe(first), probe(second)]);
    server.complete(a.id, 'FAILED', true, 'Database timeout');
    for (const page of [first, second]) await until(async () => expect(await rows(page)).toBe(0));
    // Invalidations coalesce to about one a second per kind.
    for (const [i, page] of [first, second].entries()) {
      await until(
        async () => expect((await probe(page)).invalidations).toBeGreaterThan(before[i]?.invalidations ?? 0),
        2500,
      );
      expect(await page.locator('#toasts li').allTextContents()).toEqual([`match-scores #${a.id} failed`]);
    }
    const after = await Promise.all([probe(first), probe(second)]);
    expect(after.flatMap((p) => p.notified)).toEqual([a.id]);
  });

  it('announces a run watched in a follower tab when it starts and ends, in every tab, and toasts its success', async () => {
    const a = server.enqueue();
    const first = await open();
    await first.waitForSelector(`[data-run="${a.id}"]`);
    const second = await open();
    await second.waitForSelector(`[data-run="${a.id}"]`);
    const follower = (await probe(first)).role === 'follower' ? first : second;
    await follower.evaluate(
      (id) =>
        (window as unknown as { __live: { client: { watch(id: string): void } } }).__live.client.watch(id),
      a.id,
    );
    server.start(a.id);
    for (const page of [first, second]) {
      await until(async () =>
        expect(await page.locator('#announcement').textContent()).toBe(`match-scores #${a.id} started`),
      );
    }
    server.complete(a.id, 'SUCCESS');
    for (const page of [first, second]) {
      await until(async () =>
        expect(await page.locator('#announcement').textContent()).toBe(
          `match-scores #${a.id} finished successfully`,
        ),
      );
      expect(await page.locator('#toasts li').allTextContents()).toEqual([`match-scores #${a.id} finished`]);
    }
  });

  it('streams log lines to a follower tab through the leader, still one socket', async () => {
    const a = server.start(server.enqueue().id);
    const first = await open();
    await first.waitForSelector(`[data-run="${a.id}"]`);
    const second = await open();
    await second.waitForSelector(`[data-run="${a.id}"]`);
    const follower = (await probe(first)).role === 'follower' ? first : second;
    await follower.evaluate((id) => {
      (window as unknown as { __live: { followLogs(id: string): void } }).__live.followLogs(id);
    }, a.id);
    await until(() => expect(server.logListeners(a.id)).toBe(1));
    server.log(a.id, 1, 'processing batch 3/5');
    await until(async () => expect((await probe(follower)).logLines).toEqual(['processing batch 3/5']));
    expect(server.stats.totalConnections).toBe(1);
  });

  it('shows offline while the browser is, and reconnects when it is back', async () => {
    const page = await open();
    await page.waitForSelector('main[data-connection="live"]', { state: 'attached' });
    await context.setOffline(true);
    await page.waitForSelector('main[data-connection="offline"]', { state: 'attached', timeout: 5000 });
    const queuedWhileOffline = server.enqueue();
    await context.setOffline(false);
    await page.waitForSelector('main[data-connection="live"]', { state: 'attached', timeout: 5000 });
    // The reconnect resyncs: the run queued meanwhile shows up although its event was missed.
    await page.waitForSelector(`[data-run="${queuedWhileOffline.id}"]`, { timeout: 5000 });
  });

  it('keeps relaying from a hidden leader tab (no animation frames there)', async () => {
    const first = await open();
    await until(() => expect(server.stats.connections).toBe(1));
    const second = await open();
    await second.waitForSelector('main[data-connection="live"]', { state: 'attached' });
    const leader = (await probe(first)).role === 'leader' ? first : second;
    const follower = leader === first ? second : first;
    await leader.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      // A hidden tab gets no frames: prove the relay does not wait for one.
      window.requestAnimationFrame = () => 0;
    });
    const run = server.enqueue();
    await follower.waitForSelector(`[data-run="${run.id}"]`, { timeout: 3000 });
    server.progress(run.id, 77);
    await until(
      async () => expect(await follower.locator(`[data-run="${run.id}"]`).textContent()).toContain('77'),
      3000,
    );
  });
});
