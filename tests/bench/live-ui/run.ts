/**
 * @jobs/live in Chromium with a real Socket.IO server: 10,000 active runs rendered through
 * @jobs/ui's ActiveJobsMonitor, 5,000 progress events/s for 20 s. Prints event→DOM latency,
 * frames/s, long tasks, React commits/s and heap before/after. Run: npm run bench -w @jobs/tests
 * (or `npx tsx bench/live-ui/run.ts` in tests/; BENCH_RUNS, BENCH_SECONDS, BENCH_PROFILE=1 tune it).
 */
import os from 'node:os';
import { chromiumLaunchOptions } from '@jobs/config/chromium';
import { chromium } from 'playwright-core';
import { bundlePage } from './bundle.js';
import { startFeed } from './feed.js';

const ACTIVE = Number(process.env.BENCH_RUNS ?? 10_000);
const RATE = 5000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const VISIBLE_SHARE = 0.1; // of events aimed at the rows on screen, so latency has samples

const files = await bundlePage('page.tsx', true);
const server = await startFeed(ACTIVE, files);
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(server.url);
  await page.waitForFunction(
    (n) => (window as unknown as { __bench: { activeCount(): number } }).__bench.activeCount() === n,
    ACTIVE,
    { timeout: 60_000 },
  );
  await page.waitForSelector('[data-sent]', { state: 'attached' });
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024;
  };
  await new Promise((r) => setTimeout(r, 1000));
  const heapBefore = await heap();

  const ids = server.ids;
  const visible = ids.slice(0, 12);
  const profiling = process.env.BENCH_PROFILE === '1';
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  await page.evaluate(() => (window as unknown as { __bench: { begin(): void } }).__bench.begin());
  /** Sends `RATE` progress events a second for `seconds`; returns how many it sent. */
  const load = (seconds: number, offset: number) =>
    new Promise<number>((resolve) => {
      const begun = Date.now();
      let sent = 0;
      const tick = setInterval(() => {
        const due = Math.min(RATE * seconds, Math.floor(((Date.now() - begun) / 1000) * RATE));
        for (; sent < due; sent += 1) {
          const n = sent + offset;
          const onScreen = n % Math.round(1 / VISIBLE_SHARE) === 0;
          const id = (onScreen ? visible[n % visible.length] : ids[(n * 7919) % ids.length]) as string;
          server.progress(id, n % 101, `sent:${Date.now()}:${n}`);
        }
        if (sent >= RATE * seconds) {
          clearInterval(tick);
          resolve(sent);
        }
      }, 5);
    });
  const started = Date.now();
  const sent = await load(SECONDS, 0);
  const elapsed = (Date.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 500));
  const result = await page.evaluate(() =>
    (
      window as unknown as {
        __bench: {
          end(): {
            commits: number;
            frames: number;
            latencies: number[];
            arrivals: number[];
            own: number[];
            longTasks: number[];
          };
        };
      }
    ).__bench.end(),
  );
  const window_ = elapsed + 0.5;
  if (profiling) printProfile((await cdp.send('Profiler.stop')).profile);
  await new Promise((r) => setTimeout(r, 1000));
  const heapAfter = await heap();
  // Flat means no growth with the number of events: another half-run must not add to the heap.
  await load(SECONDS / 2, RATE * SECONDS);
  await new Promise((r) => setTimeout(r, 1000));
  const heapLater = await heap();

  const percentiles = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
    return `p50 ${at(50)} ms · p95 ${at(95)} ms · p99 ${at(99)} ms (${sorted.length} samples)`;
  };
  const maxLong = Math.max(0, ...result.longTasks);
  console.log(
    `@jobs/live in Chromium — ${ACTIVE.toLocaleString('en-US')} active runs via ActiveJobsMonitor, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)}`,
  );
  console.log(
    `events sent            ${sent.toLocaleString('en-US')} in ${elapsed.toFixed(1)} s = ${Math.round(sent / elapsed).toLocaleString('en-US')}/s`,
  );
  console.log(
    `event→DOM latency      ${percentiles(result.latencies)} on visible rows\n` +
      `  transport            ${percentiles(result.arrivals)} server emit → message in the page\n` +
      `  @jobs/live + React   ${percentiles(result.own)} message in the page → DOM`,
  );
  console.log(`frames/s               ${(result.frames / window_).toFixed(1)}`);
  console.log(`long tasks (>50 ms)    ${result.longTasks.length} · longest ${maxLong.toFixed(0)} ms`);
  console.log(`React commits/s        ${(result.commits / window_).toFixed(1)}`);
  console.log(
    `JS heap (after GC)     before ${heapBefore.toFixed(1)} MB · after ${heapAfter.toFixed(1)} MB · Δ ${(heapAfter - heapBefore).toFixed(1)} MB · after ${(SECONDS * 1.5).toFixed(0)} s ${heapLater.toFixed(1)} MB`,
  );
} finally {
  await browser.close();
  await server.close();
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** BENCH_PROFILE=1: where the page spent its time (self time by function). */
function printProfile(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const key = `${frame?.functionName || '(anonymous)'} ${frame?.url.split('/').pop()}:${frame?.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
  });
  for (const [key, micros] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${(micros / 1000).toFixed(0).padStart(7)} ms  ${key}`);
}
