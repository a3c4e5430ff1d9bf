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
}

interface Fixtures {
  consoleErrors: ConsoleErrors;
}

function describe(page: Page, text: string): string {
  return `${page.url() || '(no url)'}: ${text}`;
}

/** Every spec imports `test` and `expect` from here, never from @playwright/test. */
export const test = base.extend<Fixtures>({
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
    };
    await use(errors);
    if (seen.length > 0) {
      throw new Error(`the pages logged ${seen.length} error(s):\n${seen.map((e) => `  ${e}`).join('\n')}`);
    }
  },
  context: async ({ context, consoleErrors }, use) => {
    watchContext(context, consoleErrors);
    await use(context);
  },
});

function watchContext(context: BrowserContext, errors: ConsoleErrors): void {
  for (const page of context.pages()) errors.watch(page);
  context.on('page', (page) => errors.watch(page));
}
