import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@jobs/config/chromium';
import { defineConfig } from '@playwright/test';
import { ADMIN, stackEnv, VIEWER } from './e2e/support/accounts.js';
import type { Options } from './e2e/support/test.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dashboard = path.join(root, 'apps/dashboard');

/** A free loopback port, asked of the OS synchronously (the config cannot await). */
function freePort(): string {
  const script =
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}

/** Data dirs of earlier runs (the web server's outlives the run that made it), gone after an hour. */
function sweepOldDataDirs(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('jobs-e2e-')) continue;
    const dir = path.join(tmpdir(), name);
    if (Date.now() - statSync(dir).mtimeMs > 3_600_000) rmSync(dir, { recursive: true, force: true });
  }
}

// Workers evaluate this file again: the env carries the first evaluation's port and data dir to them.
if (!process.env.E2E_PORT) sweepOldDataDirs();
process.env.E2E_PORT ??= freePort();
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'jobs-e2e-'));
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

/**
 * The specs that also run on a phone-sized screen: the ones that visit every page, dialog and the
 * panel. There, any page that scrolls sideways fails the test (the fixture checks each page).
 */
const NARROW_SPECS = [/narrow\.spec\.ts/, /pages\.spec\.ts/, /viewer\.spec\.ts/, /no-js\.spec\.ts/];

export default defineConfig<Options>({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list'], ['junit', { outputFile: path.join(root, 'reports/dashboard-e2e.xml') }]],
  use: {
    baseURL,
    launchOptions: chromiumLaunchOptions,
    browserName: 'chromium',
    trace: 'off',
    screenshot: 'off',
  },
  webServer: {
    command: `${path.join(root, 'node_modules/.bin/tsx')} server.ts`,
    cwd: dashboard,
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: stackEnv({ PORT: process.env.E2E_PORT, DATA_DIR: process.env.E2E_DATA_DIR }),
  },
  projects: [
    { name: 'desktop', testIgnore: /narrow\.spec\.ts/ },
    {
      name: 'narrow',
      testMatch: NARROW_SPECS,
      use: { viewport: { width: 390, height: 844 }, failOnHorizontalScroll: true },
    },
  ],
  metadata: { admin: ADMIN.email, viewer: VIEWER.email },
});
