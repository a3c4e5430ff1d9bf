/**
 * `npm run bench -w @jobs/ui`: prints figures, asserts nothing. Builds bench/page with Vite
 * (production React), serves it on an ephemeral port, and measures in Chromium:
 *   - ActiveJobsMonitor with BENCH_RUNS (default 10,000) runs: time to first render;
 *   - 1,000 row updates per second for 10 s: frames per second and long tasks (> 50 ms).
 * Targets: first render ≤ 200 ms, ≥ 58 fps, no long task over 50 ms.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@jobs/config/chromium';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 10_000);
const UPDATES_PER_SECOND = 1000;
const SECONDS = 10;

const out = await mkdtemp(path.join(os.tmpdir(), 'jobs-ui-bench-'));
await build({
  root: path.join(here, 'page'),
  mode: 'production',
  logLevel: 'warn',
  plugins: [react()],
  build: { outDir: out, emptyOutDir: true },
});

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const file = path.join(out, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
  const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
  let body: Buffer;
  try {
    body = readFileSync(file);
  } catch {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': type }).end(body);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const { port } = server.address() as AddressInfo;

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const firstRenders: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(`http://127.0.0.1:${port}/?runs=${RUNS}`);
    firstRenders.push(await page.evaluate(() => (window as unknown as BenchWindow).bench.firstRender));
  }
  const rows = await page.locator('li[data-run-id]').count();
  // Calibration: the same page with no updates, to tell the machine's limits from the list's.
  const idle = await page.evaluate(() => (window as unknown as BenchWindow).bench.updates(0, 3));
  const result = await page.evaluate(
    ([perSecond, seconds]) => (window as unknown as BenchWindow).bench.updates(perSecond, seconds),
    [UPDATES_PER_SECOND, SECONDS] as const,
  );
  const fps = result.frames / SECONDS;
  const longest = result.longTasks.length ? Math.max(...result.longTasks) : 0;
  const median = [...firstRenders].sort((a, b) => a - b)[1] ?? 0;
  console.log(`ActiveJobsMonitor benchmark (Chromium ${browser.version()}, ${os.cpus().length} CPUs)`);
  console.log(`  runs: ${RUNS.toLocaleString('en-US')}, rows in the DOM: ${rows}`);
  console.log(
    `  first render: median ${median.toFixed(0)} ms of [${firstRenders.map((t) => t.toFixed(0)).join(', ')}] (target ≤ 200 ms)`,
  );
  console.log(
    `  updates: ${result.applied.toLocaleString('en-US')} in ${SECONDS} s (${(result.applied / SECONDS).toFixed(0)}/s)`,
  );
  console.log(
    `  frames: ${fps.toFixed(1)} fps (target ≥ 58); idle page on this machine: ${(idle.frames / 3).toFixed(1)} fps`,
  );
  console.log(
    `  long tasks: ${result.longTasks.length}, longest ${longest.toFixed(0)} ms (target: none over 50 ms)`,
  );
  console.log(
    JSON.stringify({
      bench: 'ui.active-jobs-monitor',
      runs: RUNS,
      firstRenderMs: Math.round(median),
      fps: Number(fps.toFixed(1)),
      idleFps: Number((idle.frames / 3).toFixed(1)),
      longTasks: result.longTasks.length,
      longestTaskMs: Math.round(longest),
      updatesPerSecond: Math.round(result.applied / SECONDS),
    }),
  );
} finally {
  await browser.close();
  server.close();
  await rm(out, { recursive: true, force: true });
}

interface BenchWindow {
  bench: {
    firstRender: Promise<number>;
    updates(
      perSecond: number,
      seconds: number,
    ): Promise<{ frames: number; longTasks: number[]; applied: number }>;
  };
}
