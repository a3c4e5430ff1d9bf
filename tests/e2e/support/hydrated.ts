import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __remixRouter?: { state: { initialized: boolean } };
  }
}

/**
 * Waits until the page has hydrated and React has nothing left to do. The router exists (and says
 * `initialized`) while React is still rendering the hydration, so that alone comes too early for
 * anything React reports at the end of it (a hydration mismatch's errors); React's scheduler runs in
 * tasks, and an idle callback comes only once they are drained.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__remixRouter?.state.initialized === true);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestIdleCallback(() => requestIdleCallback(() => resolve(), { timeout: 2000 }), { timeout: 2000 }),
      ),
  );
}
