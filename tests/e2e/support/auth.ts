import { expect, type Page } from '@playwright/test';
import { ADMIN, VIEWER } from './accounts.js';

/** Logs in through the form; `onLoginPage` when a redirect already brought the page there. */
export async function login(
  page: Page,
  who: 'admin' | 'viewer' = 'admin',
  { baseURL = '', onLoginPage = false } = {},
): Promise<void> {
  const account = who === 'admin' ? ADMIN : VIEWER;
  if (!onLoginPage) await page.goto(`${baseURL}/login`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/admin/);
}
