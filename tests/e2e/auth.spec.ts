import { request } from '@playwright/test';
import { io } from 'socket.io-client';
import { login } from './support/auth.js';
import { startStack } from './support/stack.js';
import { expect, test } from './support/test.js';

test.describe('logged out you reach nothing', () => {
  test('pages redirect to the login page and come back after login', async ({ page }) => {
    await page.goto('/admin/jobs?status=FAILED');
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fjobs%3Fstatus%3DFAILED/);
    await login(page, 'admin', { onLoginPage: true });
    await expect(page).toHaveURL(/\/admin\/jobs\?status=FAILED$/);
  });

  test('resource routes answer 401, never the data', async ({ request }) => {
    for (const path of [
      '/resources/jobs/active',
      '/resources/jobs/recent',
      '/resources/jobs/1/logs',
      '/resources/health',
    ]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(401);
    }
    const post = await request.post('/resources/jobs/enqueue', {
      headers: { origin: new URL(test.info().project.use.baseURL ?? '').origin },
      data: { jobName: 'match-scores', params: {} },
    });
    expect(post.status()).toBe(401);
  });

  test('the socket refuses a browser without a session', async ({ baseURL }) => {
    const socket = io(baseURL ?? '', {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { origin: baseURL ?? '' },
    });
    const outcome = await new Promise<string>((resolve) => {
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', (e) => resolve(`refused: ${e.message}`));
    });
    socket.close();
    expect(outcome).toBe('refused: unauthorized');
  });

  test('a wrong password is refused with a message, and logout ends the session and its socket', async ({
    page,
    baseURL,
    consoleErrors,
  }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('admin@e2e.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
    // The refusal is a 401 document, which Chromium reports as a failed resource.
    expect(consoleErrors.take(/status of 401/)).toHaveLength(1);
    await login(page);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const socket = io(baseURL ?? '', {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { origin: baseURL ?? '', cookie },
    });
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    const ended = new Promise<string>((resolve) => socket.on('disconnect', (reason) => resolve(reason)));
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login/);
    expect(await ended).toBe('io server disconnect');
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/login/);
    const again = await page.request.get(`${baseURL}/resources/jobs/active`, { headers: { cookie } });
    expect(again.status()).toBe(401);
  });

  test('a socket from another origin is refused even with a session', async ({ page, baseURL }) => {
    await login(page);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const socket = io(baseURL ?? '', {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { origin: 'https://evil.example', cookie },
    });
    const outcome = await new Promise<string>((resolve) => {
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', (e) => resolve(`refused: ${e.message}`));
    });
    socket.close();
    expect(outcome).toBe('refused: cross-origin socket refused');
  });

  test('cross-site posts are refused with 403 even with a valid session', async ({ page, baseURL }) => {
    await login(page);
    const res = await page.request.post(`${baseURL}/resources/jobs/enqueue`, {
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      data: { jobName: 'match-scores', params: {} },
    });
    expect(res.status()).toBe(403);
    const page403 = await page.request.post(`${baseURL}/admin/jobs/new`, {
      headers: { origin: 'https://evil.example' },
      form: { jobName: 'match-scores', params: '{}' },
    });
    expect(page403.status()).toBe(403);
  });
});

test('guessing passwords is throttled: 10 failures, then 429 with Retry-After for that email', async () => {
  // A stack of its own: the throttle would otherwise lock the viewer out of the later tests.
  const stack = await startStack();
  const ctx = await request.newContext({ baseURL: stack.url, extraHTTPHeaders: { origin: stack.url } });
  try {
    const login = (password: string, email = 'viewer@e2e.test') =>
      ctx.post('/login', { form: { email, password, redirectTo: '/admin' }, maxRedirects: 0 });
    for (let i = 0; i < 10; i++) expect((await login('wrong-guess')).status()).toBe(401);
    const blocked = await login('wrong-guess');
    expect(blocked.status()).toBe(429);
    expect(Number(blocked.headers()['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits; other accounts are not affected.
    expect((await login('viewer-password-e2e')).status()).toBe(429);
    expect((await login('admin-password-e2e', 'admin@e2e.test')).status()).toBe(302);
  } finally {
    await ctx.dispose();
    await stack.stop();
  }
});
