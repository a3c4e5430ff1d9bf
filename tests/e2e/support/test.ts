import { type BrowserContext, test as base, type Page } from '@playwright/test';

export { expect, type Page } from '@playwright/test';

/**
 * The console errors and page errors of every page a test opened. A test that provokes one on
 * purpose (a request it fails, a script it injects) takes it out with `take(pattern)` and asserts
 * on what it took; anything left when the test ends fails it.
 */
export interface ConsoleErrors {
  /** Removes and returns the errors seen so far whose text matches `pattern`. */
  take(pattern: RegExp): string[];
  /** Starts collecting on a page opened outside the `context` fixture (a second browser context). */
  watch(page: Page): void;
  /** Records a failure found by a check of the page rather than by the page itself. */
  record(page: Page, text: string): void;
}

interface Fixtures {
  consoleErrors: ConsoleErrors;
}

export interface Options {
  /**
   * Fails the test when a page it visits scrolls sideways (the narrow project sets it: a phone
   * must never need to). Checked as each document loads, on every change of a scripted page, and
   * on the pages still open when the test ends.
   */
  failOnHorizontalScroll: boolean;
}

function describe(page: Page, text: string): string {
  return `${page.url() || '(no url)'}: ${text}`;
}

/** Every spec imports `test` and `expect` from here, never from @playwright/test. */
export const test = base.extend<Fixtures & Options>({
  failOnHorizontalScroll: [false, { option: true }],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  consoleErrors: async ({}, use) => {
    const seen: string[] = [];
    const watched = new WeakSet<Page>();
    const errors: ConsoleErrors = {
      take(pattern) {
        const taken = seen.filter((e) => pattern.test(e));
        for (const e of taken) seen.splice(seen.indexOf(e), 1);
        return taken;
      },
      watch(page) {
        if (watched.has(page)) return;
        watched.add(page);
        page.on('console', (m) => {
          if (m.type() === 'error') seen.push(describe(page, m.text()));
        });
        page.on('pageerror', (e) => seen.push(describe(page, `${e.name}: ${e.message}`)));
      },
      record(page, text) {
        seen.push(describe(page, text));
      },
    };
    await use(errors);
    if (seen.length > 0) {
      throw new Error(`the pages logged ${seen.length} error(s):\n${seen.map((e) => `  ${e}`).join('\n')}`);
    }
  },
  context: async ({ context, consoleErrors, failOnHorizontalScroll }, use) => {
    watchContext(context, consoleErrors);
    if (failOnHorizontalScroll) await watchHorizontalScroll(context, consoleErrors);
    await use(context);
    if (failOnHorizontalScroll) {
      for (const page of context.pages()) await checkHorizontalScroll(page, consoleErrors);
    }
  },
});

function watchContext(context: BrowserContext, errors: ConsoleErrors): void {
  for (const page of context.pages()) errors.watch(page);
  context.on('page', (page) => errors.watch(page));
}

/**
 * Runs in the page. Measures whether the document is wider than the viewport and names the deepest
 * elements that stick out (three, so the message points at the culprit). With `watch` it instead
 * stays in a scripted page and measures after every frame in which the DOM changed, reporting each
 * path once through console.error, which the console fixture turns into a failure.
 */
function overflowProbe({ watch }: { watch: boolean }): string | null {
  const measure = (): string | null => {
    const root = document.scrollingElement;
    if (!root || root.scrollWidth <= root.clientWidth) return null;
    const names = [...document.body.querySelectorAll('*')]
      .filter((el) => !el.firstElementChild && el.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(0, 3)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.getAttribute('class') ? `.${el.getAttribute('class')?.split(' ')[0]}` : ''}`,
      );
    return `horizontal scroll at ${window.innerWidth}px wide: scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth} (${names.join(', ')})`;
  };
  if (!watch) return measure();
  (window as { __overflowWatched?: boolean }).__overflowWatched = true;
  const reported = new Set<string>();
  let queued = false;
  const check = () => {
    queued = false;
    const found = measure();
    const path = location.pathname + location.search;
    if (found && !reported.has(path)) {
      reported.add(path);
      console.error(found);
    }
  };
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(check);
  };
  addEventListener('DOMContentLoaded', () => {
    const options = { subtree: true, childList: true, attributes: true, characterData: true };
    new MutationObserver(schedule).observe(document.documentElement, options);
    schedule();
  });
  addEventListener('resize', schedule);
  return null;
}

async function watchHorizontalScroll(context: BrowserContext, errors: ConsoleErrors): Promise<void> {
  await context.addInitScript(overflowProbe, { watch: true });
  // A page without JavaScript runs no init script: measure each of its documents once loaded.
  const onPage = (page: Page) =>
    page.on('load', async () => {
      const watched = await page.evaluate(() => '__overflowWatched' in window).catch(() => true);
      if (!watched) await checkHorizontalScroll(page, errors);
    });
  for (const page of context.pages()) onPage(page);
  context.on('page', onPage);
}

/** The pages still open when the test ends, whatever they ran. */
async function checkHorizontalScroll(page: Page, errors: ConsoleErrors): Promise<void> {
  if (page.isClosed()) return;
  const found = await page.evaluate(overflowProbe, { watch: false }).catch(() => null);
  if (found) errors.record(page, found);
}
