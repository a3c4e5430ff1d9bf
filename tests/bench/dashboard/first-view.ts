import type { Browser, Page } from '@playwright/test';

/**
 * What a page records about its own first view, relative to navigation start (ms). An init script
 * fills it in before any of the page's code runs, so nothing in the app is changed to measure it.
 */
export interface FirstViewMarks {
  /** first byte of the HTML */
  ttfb: number;
  /** the HTML fully received */
  html: number;
  firstPaint: number | null;
  firstContentfulPaint: number | null;
  /** the active list's element belongs to React (hydrated) */
  hydrated: number | null;
  /** the active list is the live client's (`data-source="live"`) with at least `minRows` rows */
  live: number | null;
  /** a progress event changed a row's text after the list went live */
  firstEvent: number | null;
  /** resources the browser marked render-blocking, and when the last of them arrived */
  blocking: Array<{ name: string; type: string; end: number }>;
  scriptsBeforeHydration: number;
  /**
   * CPU time (ms) the page's renderer had used by the first event: its main thread, and the whole
   * process (with background parsing and raster). Load from other processes stretches the marks
   * above but not these; a slower CPU stretches both, so they compare runs on one machine at one time.
   */
  cpu: { mainThread: number; process: number } | null;
}

/**
 * Runs in the page before its scripts: polls each frame for hydration, the live list and the first
 * event, and says on the console when it has them all. The benchmark waits for that message rather
 * than with `waitForFunction`, whose helper script Playwright evaluates in the page as it loads
 * (about 50–110 ms of the renderer's main thread before the first layout, in traces on 2 cores).
 */
function recordFirstView({ minRows, done }: { minRows: number; done: string }) {
  const w = window as unknown as { __firstView: Partial<FirstViewMarks> };
  const marks: Partial<FirstViewMarks> = { hydrated: null, live: null, firstEvent: null };
  w.__firstView = marks;
  let liveText = '';
  const tick = () => {
    const now = performance.now();
    const active = document.getElementById('active');
    if (active && marks.hydrated === null && Object.keys(active).some((k) => k.startsWith('__reactFiber')))
      marks.hydrated = now;
    const rows = active?.querySelectorAll('[data-run-id]').length ?? 0;
    if (active && marks.live === null && active.dataset.source === 'live' && rows >= minRows) {
      marks.live = now;
      liveText = active.textContent ?? '';
    } else if (
      active &&
      marks.live !== null &&
      marks.firstEvent === null &&
      active.textContent !== liveText
    ) {
      marks.firstEvent = now;
    }
    if (marks.firstEvent === null) requestAnimationFrame(tick);
    else console.debug(done);
  };
  requestAnimationFrame(tick);
}

const DONE = 'first view recorded';

export async function measureFirstView(
  browser: Browser,
  baseURL: string,
  storageState: Awaited<ReturnType<import('@playwright/test').APIRequestContext['storageState']>>,
  minRows: number,
): Promise<FirstViewMarks> {
  // A cold context: no HTTP cache, no storage but the session cookie.
  const context = await browser.newContext({ baseURL, storageState });
  const page: Page = await context.newPage();
  // tsx keeps function names with an `__name` helper that the page lacks; functions sent to it need one.
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await page.addInitScript(recordFirstView, { minRows, done: DONE });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const finished = page
    .waitForEvent('console', { predicate: (message) => message.text() === DONE, timeout: 20_000 })
    .catch(() => {}); // a mark that never came stays null and shows as such in the figures
  await page.goto('/admin/jobs', { waitUntil: 'commit' });
  await finished;
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value;
  const threadTime = metric('ThreadTime');
  const processTime = metric('ProcessTime');
  const cpu =
    threadTime === undefined || processTime === undefined
      ? null
      : { mainThread: threadTime * 1000, process: processTime * 1000 };
  const marks = await page.evaluate(() => {
    const own = (window as unknown as { __firstView: FirstViewMarks }).__firstView;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const paint = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    const resources = performance.getEntriesByType('resource') as Array<
      PerformanceResourceTiming & { renderBlockingStatus?: string }
    >;
    return {
      ...own,
      ttfb: nav.responseStart,
      html: nav.responseEnd,
      firstPaint: paint('first-paint'),
      firstContentfulPaint: paint('first-contentful-paint'),
      blocking: resources
        .filter((r) => r.renderBlockingStatus === 'blocking')
        .map((r) => ({ name: new URL(r.name).pathname, type: r.initiatorType, end: r.responseEnd })),
      scriptsBeforeHydration: resources.filter(
        (r) => r.initiatorType !== 'css' && /\.js$/.test(r.name) && r.responseEnd <= (own.hydrated ?? 0),
      ).length,
    };
  });
  await context.close();
  return { ...marks, cpu };
}

export function median(values: readonly (number | null)[]): number {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return known.length ? (known[Math.floor((known.length - 1) / 2)] ?? Number.NaN) : Number.NaN;
}
