import { chromiumLaunchOptions } from '@jobs/config/chromium';
import { type Browser, chromium, type Page } from 'playwright-core';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

export interface PageProbe {
  role: string;
  notified: string[];
  invalidations: number;
  commits: number;
  logLines: string[];
}

/** Reads what the test page exposes on `window.__live`. */
export function probe(page: Page): Promise<PageProbe> {
  return page.evaluate(() => {
    const live = (
      window as unknown as { __live: { client: { role(): string }; probe: Omit<PageProbe, 'role'> } }
    ).__live;
    return {
      role: live.client.role(),
      ...live.probe,
      notified: [...live.probe.notified],
      logLines: [...live.probe.logLines],
    };
  });
}
