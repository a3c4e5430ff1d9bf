/**
 * Benchmark: JobLogViewer with 100,000 lines in Chromium (production React build).
 * Prints figures; asserts nothing (speed is judged by reading them, never by timed unit tests).
 *
 *   npx tsx bench/log-viewer.ts            (from packages/ui; ~20 s)
 *   LOG_BENCH_LINES=200000 npx tsx bench/log-viewer.ts
 *
 * What it measures, each in a fresh page:
 *   first render   render + layout + first paint of 100,000 lines (following the tail)
 *   scroll         10 s of continuous scrolling at ~1,200 lines/s: fps, worst frame, long tasks
 *   jumps          50 jumps to random positions: time until the new rows are painted
 *   streaming      10 s of 1,000 new lines/s arriving in 100 ms batches while following the tail
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@jobs/config/chromium';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, '..');
const LINES = Number(process.env.LOG_BENCH_LINES ?? 100_000);
const ENTRY = 'virtual:log-viewer-bench';

/**
 * The page under test, as a virtual module (plain JS, run in Chromium) so the benchmark is one file.
 * It exposes `window.logBench.<scenario>(lines)`, each returning its figures.
 */
const PAGE = `
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import '${pkg}/src/styles.css';
import { JobLogViewer } from '${pkg}/src/components/JobLogViewer/index.ts';
import { makeLogLines } from '${pkg}/src/testing/logs.ts';
import { renderMessage } from '${pkg}/src/components/JobLogViewer/LogRow.tsx';

const root = createRoot(document.getElementById('root'));
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
const region = () => document.querySelector('section[aria-label="Job log"]');
const render = (lines) => root.render(createElement(JobLogViewer, { lines, height: 600 }));

function watchLongTasks() {
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  return () => { observer.disconnect(); return { longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks) }; };
}

async function frames(ms, eachFrame) {
  const times = [];
  const start = await frame();
  let last = start;
  while (last - start < ms) {
    eachFrame();
    const now = await frame();
    times.push(now - last);
    last = now;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    fps: times.length / ((last - start) / 1000),
    worstFrameMs: sorted[sorted.length - 1] ?? 0,
    p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
  };
}

window.logBench = {
  async highlight() {
    const lines = makeLogLines(5000).filter((l) => l.message.includes('{'));
    const t0 = performance.now();
    for (const line of lines) renderMessage(line);
    return { perLineUs: ((performance.now() - t0) * 1000) / lines.length, count: lines.length };
  },
  async firstRender(n) {
    const lines = makeLogLines(n);
    await frame();
    const t0 = performance.now();
    flushSync(() => render(lines));
    const commitMs = performance.now() - t0;
    await frame();
    const paintMs = (await frame()) - t0;
    return { commitMs, paintMs, rows: document.querySelectorAll('li').length };
  },
  async scroll(n) {
    flushSync(() => render(makeLogLines(n)));
    await frame();
    const el = region();
    el.scrollTop = 0;
    await frame();
    const stop = watchLongTasks();
    const figures = await frames(10_000, () => { el.scrollTop += 400; });
    return { ...figures, ...stop(), linesScrolled: Math.round(el.scrollTop / 20) };
  },
  async jumps(n) {
    flushSync(() => render(makeLogLines(n)));
    await frame();
    const el = region();
    const times = [];
    let seed = 7;
    for (let i = 0; i < 50; i++) {
      seed = (seed * 16807) % 2147483647;
      const t0 = performance.now();
      el.scrollTop = (seed % n) * 20;
      await frame();
      times.push((await frame()) - t0);
    }
    times.sort((a, b) => a - b);
    return { medianMs: times[25], worstMs: times[49] };
  },
  async streaming(n) {
    let lines = makeLogLines(n);
    flushSync(() => render(lines));
    await frame();
    const stop = watchLongTasks();
    const renders = [];
    const timer = setInterval(() => {
      lines = lines.concat(makeLogLines(100, lines.length));
      const t0 = performance.now();
      flushSync(() => render(lines));
      renders.push(performance.now() - t0);
    }, 100);
    const figures = await frames(10_000, () => {});
    clearInterval(timer);
    renders.sort((a, b) => a - b);
    const appendMedianMs = renders[Math.floor(renders.length / 2)] ?? 0;
    return { ...figures, ...stop(), lines: lines.length, appendMedianMs, appendMaxMs: renders[renders.length - 1] ?? 0 };
  },
};
`;

function benchEntry(): Plugin {
  return {
    name: 'log-viewer-bench',
    resolveId: (id) => (id === ENTRY ? `\0${ENTRY}` : null),
    load: (id) => (id === `\0${ENTRY}` ? PAGE : null),
  };
}

/** Serves the built page; anything outside `dir` is refused. */
function servePage(dir: string) {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    const name = path.normalize(req.url === '/' || !req.url ? '/index.html' : (req.url.split('?')[0] ?? '/'));
    const file = path.join(dir, name);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  };
}

async function bundle(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: pkg,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react(), benchEntry()],
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      rollupOptions: {
        input: { bench: ENTRY },
        output: { entryFileNames: '[name].js', assetFileNames: '[name][extname]' },
      },
    },
  });
  writeFileSync(
    path.join(outDir, 'index.html'),
    '<!doctype html><html data-theme="light"><head><meta charset="utf-8"><link rel="stylesheet" href="/bench.css"></head>' +
      '<body style="margin:0"><div id="root" style="width:1024px"></div><script type="module" src="/bench.js"></script></body></html>',
  );
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(8);

async function main() {
  const outDir = mkdtempSync(path.join(tmpdir(), 'log-viewer-bench-'));
  const server = createServer(servePage(outDir));
  try {
    await bundle(outDir);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      const results: Record<string, Record<string, number>> = {};
      for (const scenario of ['highlight', 'firstRender', 'scroll', 'jumps', 'streaming'] as const) {
        const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
        await page.goto(url);
        await page.waitForFunction(() => 'logBench' in window);
        results[scenario] = await page.evaluate(
          ([name, lines]) =>
            (
              window as unknown as {
                logBench: Record<string, (n: number) => Promise<Record<string, number>>>;
              }
            ).logBench[name]!(lines),
          [scenario, LINES] as const,
        );
        await page.close();
      }
      print(results);
    } finally {
      await browser.close();
    }
  } finally {
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

function print(r: Record<string, Record<string, number>>) {
  const f = r.firstRender ?? {};
  const s = r.scroll ?? {};
  const j = r.jumps ?? {};
  const t = r.streaming ?? {};
  const h = r.highlight ?? {};
  console.log(
    `\nJobLogViewer benchmark — ${LINES.toLocaleString('en-US')} lines, Chromium ${chromiumLaunchOptions.executablePath}`,
  );
  console.log('target: first render ≤ 200 ms, ≥ 58 fps, no long task > 50 ms');
  console.log(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} (figures are noisy when loaded)\n`,
  );
  console.log(
    `highlight one JSON line    ${fmt(h.perLineUs ?? Number.NaN)} µs   (${h.count} lines, highlight.js core + json)`,
  );
  console.log(`first render (commit)      ${fmt(f.commitMs ?? Number.NaN)} ms`);
  console.log(`first render (to paint)    ${fmt(f.paintMs ?? Number.NaN)} ms   rows in DOM: ${f.rows}`);
  console.log(
    `scroll: fps                ${fmt(s.fps ?? Number.NaN)}      worst frame ${fmt(s.worstFrameMs ?? Number.NaN)} ms   p95 ${fmt(s.p95FrameMs ?? Number.NaN)} ms`,
  );
  console.log(
    `scroll: long tasks         ${fmt(s.longTasks ?? Number.NaN, 0)}      longest ${fmt(s.longestTaskMs ?? Number.NaN)} ms   lines passed ${s.linesScrolled}`,
  );
  console.log(
    `jumps: to paint, median    ${fmt(j.medianMs ?? Number.NaN)} ms   worst ${fmt(j.worstMs ?? Number.NaN)} ms`,
  );
  console.log(
    `streaming: fps             ${fmt(t.fps ?? Number.NaN)}      long tasks ${t.longTasks}, longest ${fmt(t.longestTaskMs ?? 0)} ms, lines at end ${t.lines}`,
  );
  console.log(
    `streaming: one append      ${fmt(t.appendMedianMs ?? Number.NaN)} ms median, ${fmt(t.appendMaxMs ?? Number.NaN)} ms worst (render + commit of 100 new lines)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
