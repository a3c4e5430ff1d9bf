import type { Locator, Page } from '@playwright/test';

/** The card of one run in the active section (by its `#id`, which every card shows). */
export function activeCard(page: Page, runId: string): Locator {
  return page
    .locator('.active-jobs [data-status]')
    .filter({ hasText: `#${runId}` })
    .first();
}

/** Collects the cancel requests the page sends for one run, to count them. */
export function recordCancelRequests(page: Page, runId: string): string[] {
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes(`/resources/jobs/${runId}/cancel`)) requests.push(r.url());
  });
  return requests;
}
