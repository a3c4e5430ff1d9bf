/**
 * The example product app (examples/product-app) works as its README says: one command packs
 * @jobs/ui and @jobs/live, installs them with React 19 into the app, builds it, starts the jobs
 * engine and the app's own backend; in Chromium the page shows the jobs panel and the active
 * runs, and "Start export" enqueues a run that is followed live to the end. The service token
 * never reaches the browser.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@jobs/config/chromium';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const token = `example-token-${process.pid}-${Date.now()}`;
let dataDir: string;
let app: ChildProcess;
let url: string;
let browser: Browser;
let output = '';

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobs-example-'));
  const port = await freePort();
  // Its own process group, so the engine and the backend stop with it.
  app = spawn(process.execPath, ['examples/product-app/scripts/start.mjs'], {
    cwd: repo,
    detached: true,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, JOBS_API_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /product app listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    app.stdout?.on('data', onData);
    app.stderr?.on('data', onData);
    app.once('exit', (code) =>
      reject(new Error(`the example exited (${code}) before listening:\n${output}`)),
    );
  });
  browser = await chromium.launch(chromiumLaunchOptions);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (app?.pid && app.exitCode === null) {
    const exited = new Promise((r) => app.once('exit', r));
    process.kill(-app.pid, 'SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('examples/product-app on React 19 with the packed packages', () => {
  it('starts an export from the page and follows it live in the list and the panel', async () => {
    const page = await browser.newPage();
    const noise: string[] = [];
    page.on('pageerror', (e) => noise.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') noise.push(`${m.type()}: ${m.text()}`);
    });
    const sent: string[] = [];
    page.on('request', (r) => sent.push(`${r.url()} ${JSON.stringify(r.headers())} ${r.postData() ?? ''}`));

    await page.goto(url);
    await page.getByRole('heading', { name: 'Acme Orders' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { React?: unknown }).React)).toBeUndefined();
    // The active list starts empty, and the panel's button has no badge.
    await page.getByRole('button', { name: 'Jobs', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Start export' }).click();
    const card = page.locator('article[data-run-id]').filter({ hasText: 'export-orders' }).first();
    await card.waitFor({ timeout: 30_000 });
    const runId = await card.getAttribute('data-run-id');
    // Progress arrives over the socket, through the backend's relay.
    await page.waitForFunction(
      (id) => {
        const bar = document.querySelector(`article[data-run-id="${id}"] [role="progressbar"]`);
        return Number(bar?.getAttribute('aria-valuenow') ?? 0) > 0;
      },
      runId,
      { timeout: 30_000 },
    );
    await page.getByRole('button', { name: /^Jobs, 1 in progress$/ }).waitFor();

    // It finishes: it leaves the active list and the panel shows it as succeeded.
    await page.locator(`article[data-run-id="${runId}"]`).waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByRole('button', { name: 'Jobs', exact: true }).click();
    const panel = page.getByRole('dialog');
    await panel.getByText('export-orders').first().waitFor();
    await panel.locator(`[data-run-id="${runId}"][data-status="SUCCESS"]`).waitFor();

    expect(sent.some((s) => s.includes(token))).toBe(false);
    expect(await page.content()).not.toContain(token);
    expect(noise).toEqual([]);
    await page.close();
  }, 180_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
