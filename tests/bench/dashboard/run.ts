/**
 * `npm run bench -w @jobs/tests` (and the root `npm run bench`): prints /admin/jobs initial JS (kB gzip)
 * and what it is made of, the first view (navigation → live list, cold context, median of 5), the
 * page's server response time, and the full-stack freshness run (2,000 active runs, ~5,000 progress
 * events/s, worker → DOM latency, long tasks) against the real engine, dashboard, relay and Chromium.
 * BENCH_FIRST_VIEW_ONLY=1 stops after the first view; BENCH_CHROMIUM_ARGS adds Chromium flags.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from '@jobs/config/chromium';
import { defineJob, startJobsServer } from '@jobs/server';
import { chromium, request } from '@playwright/test';
import { io } from 'socket.io-client';
import { type FirstViewMarks, measureFirstView, median } from './first-view.js';
import { percentile, startDashboard } from './stack.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 2000);
const TICK_MS = Math.round((RUNS / 5000) * 1000); // each run reports this often → 5,000 events/s in all
const WINDOW_MS = 15_000;
const ADMIN = { email: 'bench@example.test', password: 'bench-password-1' };

const benchJob = defineJob({
  name: 'bench-progress',
  description: 'Reports progress until cancelled; the message carries the worker clock',
  examples: ['(benchmark only)'],
  concurrency: RUNS,
  async run(ctx) {
    for (let i = 0; ; i++) {
      ctx.progress({ percent: i % 100, message: `t=${Date.now()}` });
      await ctx.sleep(TICK_MS);
    }
  },
});

class StopEarly extends Error {}

const token = randomBytes(24).toString('base64url');
const dir = mkdtempSync(path.join(tmpdir(), 'jobs-bench-'));
const engine = await startJobsServer({
  token,
  dbPath: path.join(dir, 'jobs.db'),
  port: 0,
  jobs: [benchJob],
  demoJobs: false,
  schedules: false,
  logger: false,
  concurrency: RUNS + 8,
});
const dash = await startDashboard({
  JOBS_API_URL: engine.url,
  JOBS_API_TOKEN: token,
  DATA_DIR: path.join(dir, 'dashboard'),
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
});
// BENCH_CHROMIUM_ARGS adds flags to the tests' Chromium, e.g. to see what the browser's own work
// costs the first view (README, performance).
const extraArgs = (process.env.BENCH_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean);
const browser = await chromium.launch({
  ...chromiumLaunchOptions,
  args: [...chromiumLaunchOptions.args, ...extraArgs],
});
const figures: Record<string, string | number> = {};

try {
  const api = await request.newContext({ baseURL: dash.url, extraHTTPHeaders: { origin: dash.url } });
  await api.post('/login', { form: { ...ADMIN, redirectTo: '/admin' }, maxRedirects: 0 });

  // 1. Initial JavaScript of /admin/jobs: every script the page loads, gzipped as a server would send it.
  const context = await browser.newContext({ baseURL: dash.url, storageState: await api.storageState() });
  const page = await context.newPage();
  const scripts = new Map<string, number>();
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script' || res.url().endsWith('.js')) {
      const body = await res.body().catch(() => null);
      if (body) scripts.set(res.url(), gzipSync(body, { level: 9 }).length);
    }
  });
  await page.goto('/admin/jobs', { waitUntil: 'networkidle' });
  const jsBytes = [...scripts.values()].reduce((a, b) => a + b, 0);
  figures['/admin/jobs initial JS (kB gzip, target ≤ 130)'] =
    `${(jsBytes / 1024).toFixed(1)} (${jsBytes.toLocaleString('en')} bytes)`;
  figures['scripts loaded'] = scripts.size;
  console.log('\n/admin/jobs first load, each script gzipped:');
  for (const [url, bytes] of [...scripts].sort((a, b) => b[1] - a[1]))
    console.log(`  ${(bytes / 1024).toFixed(1).padStart(6)} kB  ${url.replace(dash.url, '')}`);

  // 1b. First view, cold: a new context each time (no cache), three runs reporting progress on the page.
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const seeded = await fetch(`${engine.url}/api/admin/jobs/bulk/enqueue`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      items: Array.from({ length: 3 }, () => ({ jobName: 'bench-progress', params: {} })),
    }),
  });
  if (!seeded.ok) throw new Error(`seed enqueue: ${seeded.status}`);
  const views: FirstViewMarks[] = [];
  for (let i = 0; i < 5; i++)
    views.push(await measureFirstView(browser, dash.url, await api.storageState(), 3));
  const mid = (pick: (v: (typeof views)[number]) => number | null) => median(views.map(pick)).toFixed(0);
  figures['first view: HTML first byte (ms, median of 5)'] = mid((v) => v.ttfb);
  figures['first view: first contentful paint (ms)'] = mid((v) => v.firstContentfulPaint);
  figures['first view: hydrated (ms)'] = mid((v) => v.hydrated);
  figures['first view: live list (ms, target ≤ 500)'] = mid((v) => v.live);
  figures[`first view: first progress event in the list (ms, one every ${TICK_MS} ms)`] = mid(
    (v) => v.firstEvent,
  );
  figures['first view: renderer CPU by then, main thread / whole process (ms)'] =
    `${mid((v) => v.cpu?.mainThread ?? null)} / ${mid((v) => v.cpu?.process ?? null)}`;
  if (process.env.BENCH_JS_DETAIL) console.log(JSON.stringify(views, null, 1));
  const last = views[views.length - 1];
  if (last) {
    console.log('\nrender-blocking resources of the last first view (ms after navigation start):');
    for (const b of last.blocking)
      console.log(`  ${b.end.toFixed(0).padStart(5)}  ${b.type.padEnd(6)} ${b.name}`);
    console.log(
      `  first contentful paint at ${last.firstContentfulPaint?.toFixed(0)}; ${last.scriptsBeforeHydration} scripts before hydration`,
    );
  }
  await fetch(`${engine.url}/api/admin/jobs/bulk/cancel`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ filter: {} }),
  });
  if (process.env.BENCH_FIRST_VIEW_ONLY) throw new StopEarly();

  // 2. Server response time of the page (SSR with four jobs API calls), idle engine.
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now();
    const res = await api.get('/admin/jobs');
    await res.body();
    if (i >= 5) times.push(performance.now() - t0);
  }
  figures['GET /admin/jobs p50 (ms)'] = percentile(times, 0.5).toFixed(1);
  figures['GET /admin/jobs p95 (ms)'] = percentile(times, 0.95).toFixed(1);

  // 3. Freshness: observers in the page, then 2,000 runs reporting progress.
  await page.evaluate(() => {
    const w = window as unknown as { lat: number[]; longTasks: number[] };
    w.lat = [];
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
    const root = document.querySelector('.active-jobs') ?? document.body;
    new MutationObserver((mutations) => {
      const now = Date.now();
      for (const m of mutations) {
        const text = m.type === 'characterData' ? m.target.textContent : (m.target as Element).textContent;
        for (const match of (text ?? '').matchAll(/t=(\d{13})/g))
          if (w.lat.length < 200_000) w.lat.push(now - Number(match[1]));
      }
    }).observe(root, { subtree: true, childList: true, characterData: true });
  });
  let progressEvents = 0;
  const counter = io(engine.url, { auth: { token }, transports: ['websocket'] });
  counter.on('server.admin.job_progress', () => progressEvents++);
  // A second browser-like client on the relay splits the latency: worker → relay client vs → DOM.
  const cookie = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const relayClient = io(dash.url, { transports: ['websocket'], extraHeaders: { cookie, origin: dash.url } });
  const relayLat: number[] = [];
  relayClient.on('server.admin.job_progress', (e: { data?: { message?: string } }) => {
    const t = Number(/t=(\d{13})/.exec(e.data?.message ?? '')?.[1]);
    if (t && relayLat.length < 500_000) relayLat.push(Date.now() - t);
  });
  for (let i = 0; i < RUNS; i += 500) {
    const items = Array.from({ length: Math.min(500, RUNS - i) }, () => ({
      jobName: 'bench-progress',
      params: {},
    }));
    const res = await fetch(`${engine.url}/api/admin/jobs/bulk/enqueue`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ items }),
    });
    if (!res.ok) throw new Error(`bulk enqueue: ${res.status} ${await res.text()}`);
  }
  await page
    .waitForFunction((n) => document.querySelector('.active-jobs')?.textContent?.includes(String(n)), RUNS, {
      timeout: 60_000,
    })
    .catch(() => {});
  await page.waitForTimeout(3000); // warm-up: let every run start
  await page.evaluate(() => {
    const w = window as unknown as { lat: number[]; longTasks: number[] };
    w.lat = [];
    w.longTasks = [];
  });
  progressEvents = 0;
  relayLat.length = 0;
  await page.waitForTimeout(WINDOW_MS);
  const measured = await page.evaluate(() => {
    const w = window as unknown as { lat: number[]; longTasks: number[] };
    return { lat: w.lat, longTasks: w.longTasks };
  });
  const rate = progressEvents / (WINDOW_MS / 1000);
  const health = (await (await api.get('/resources/health')).json()) as Record<string, unknown>;
  figures['active runs'] = RUNS;
  figures['progress events/s (engine → relay)'] = Math.round(rate);
  figures['worker → DOM latency p50 (ms)'] = percentile(measured.lat, 0.5);
  figures['worker → DOM latency p95 (ms, target ≤ 50)'] = percentile(measured.lat, 0.95);
  figures['worker → DOM latency max (ms)'] = percentile(measured.lat, 1);
  figures['DOM samples'] = measured.lat.length;
  figures['long tasks > 50 ms (target none)'] = measured.longTasks.filter((d) => d > 50).length;
  figures['longest task (ms)'] = Math.round(Math.max(0, ...measured.longTasks));
  figures['relay lag p95 (ms)'] = String(health.lagP95Ms);
  figures['worker → relay client p50 / p95 (ms)'] =
    `${percentile(relayLat, 0.5)} / ${percentile(relayLat, 0.95)}`;
  figures['events/s reaching a relay client'] = Math.round(relayLat.length / (WINDOW_MS / 1000));
  counter.close();
  relayClient.close();
  await fetch(`${engine.url}/api/admin/jobs/bulk/cancel`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ filter: {} }),
  });
  await context.close();
  await api.dispose();
} catch (error) {
  if (!(error instanceof StopEarly)) throw error;
} finally {
  await browser.close();
  const exited = new Promise((resolve) => dash.child.once('exit', resolve));
  dash.child.kill('SIGTERM');
  await exited;
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log('\n@jobs/dashboard benchmark');
for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(48)} ${v}`);
process.exit(0);
