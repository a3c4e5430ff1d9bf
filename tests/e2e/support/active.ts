import { expect, type Locator, type Page } from '@playwright/test';
import { login } from './auth.js';

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

/** Logs in and opens the Job Manager, once its active list is the live client's. */
export async function openLiveJobManager(page: Page): Promise<void> {
  await login(page);
  await page.goto('/admin/jobs');
  await expect(page.locator('.active-jobs')).toHaveAttribute('data-source', 'live');
}
