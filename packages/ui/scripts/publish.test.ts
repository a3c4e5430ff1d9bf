/**
 * Proves a product team's install: build @jobs/ui, pack dist/ as npm would publish it, check what
 * the tarball holds, then `npm install` it from the registry's point of view (its dependencies
 * really downloaded) into two throwaway plain Vite apps, one on React 18 and one on React 19.
 * Each app is type-checked against that React's own types, built with React's development build
 * (so React's warnings are on) and loaded in Chromium: the main components render and work, and
 * the console stays silent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@jobs/config/chromium';
import { installConsumer } from '@jobs/config/npm';
import react from '@vitejs/plugin-react';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerPackageJson, envDts, indexHtml, mainTsx, tsconfigJson } from './publish-app.js';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.join(pkg, '../..');
const reactMajors = ['18', '19'] as const;
type ReactMajor = (typeof reactMajors)[number];

let work: string;
let tarball: string;
let browser: Browser;
const apps = new Map<ReactMajor, string>();
const servers: Server[] = [];

beforeAll(async () => {
  execFileSync('node', ['scripts/build.mjs'], { cwd: pkg, stdio: 'pipe' });
  // Outside the repo, so nothing resolves from the repo's node_modules by accident.
  work = mkdtempSync(path.join(os.tmpdir(), 'jobs-ui-publish-'));
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', work, './dist'], { cwd: pkg })
    .toString()
    .trim()
    .split('\n')
    .at(-1);
  tarball = path.join(work, String(name));
  // One install per React major, both at once: the slow part of this file.
  await Promise.all(reactMajors.map((major) => createConsumer(major)));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  if (work) rmSync(work, { recursive: true, force: true });
}, 60_000);

describe('the packed tarball', () => {
  it('holds the build and its docs, never tests, stories, fixtures or sources', () => {
    const files = tarballFiles(tarball);
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'CHANGELOG.md',
        'index.js',
        'styles.css',
        'components/JobRunCard.js',
        'types/ui/src/index.d.ts',
      ]),
    );
    const unwanted = files.filter((f) =>
      /(\.test\.|\.stories\.|\.mdx$|\/testing\/|__fixtures__|__screenshots__|\/visual\/|(?<!\.d)\.tsx?$)/.test(
        f,
      ),
    );
    expect(unwanted).toEqual([]);
  });

  it('declares React 18 and 19 as peers, ESM exports and CSS-only side effects', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(apps.get('19')!, 'node_modules/@jobs/ui/package.json'), 'utf8'),
    );
    expect(manifest.private).toBeUndefined();
    expect(manifest.peerDependencies).toEqual({
      react: '^18.2.0 || ^19.0.0',
      'react-dom': '^18.2.0 || ^19.0.0',
    });
    expect(manifest.dependencies.react).toBeUndefined();
    expect(manifest.dependencies['@jobs/contracts']).toBeUndefined();
    expect(manifest.type).toBe('module');
    expect(manifest.sideEffects).toEqual(['**/*.css']);
    expect(manifest.exports['./JobRunCard'].import).toBe('./components/JobRunCard.js');
    expect(manifest.exports['./styles.css']).toBe('./styles.css');
  });
});

describe.each(reactMajors)('a plain Vite app on React %s', (major) => {
  it('installed that React and the package with its dependencies from the registry', () => {
    const app = apps.get(major)!;
    const installed = JSON.parse(readFileSync(path.join(app, 'node_modules/react/package.json'), 'utf8'));
    expect(installed.version.split('.')[0]).toBe(major);
    const radix = path.join(app, 'node_modules/@radix-ui/react-popover/package.json');
    expect(JSON.parse(readFileSync(radix, 'utf8')).name).toBe('@radix-ui/react-popover');
  });

  it("type-checks against the shipped declarations and that React's types", () => {
    const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
    const app = apps.get(major)!;
    const result = spawnSync('node', [tsc, '-p', app], { cwd: app, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);

  it('renders the main components in Chromium with no console warning or error', async () => {
    const app = apps.get(major)!;
    await build({
      root: app,
      configFile: false,
      mode: 'development',
      logLevel: 'silent',
      plugins: [react()],
      // React's development build: its warnings (deprecated APIs, bad props, keys) reach the console.
      define: { 'process.env.NODE_ENV': JSON.stringify('development') },
      build: { outDir: path.join(app, 'out'), emptyOutDir: true, minify: false },
    });
    const bundle = readdirSync(path.join(app, 'out/assets'))
      .map((f) => readFileSync(path.join(app, 'out/assets', f), 'utf8'))
      .join('\n');
    // Class names come from the build's CSS (scoped `jobs-…`), so the sources were not used.
    expect(/jobs-card-[\w-]{6}/.test(bundle)).toBe(true);
    expect(bundle.includes('packages/ui/src')).toBe(false);

    const server = await serve(path.join(app, 'out'));
    servers.push(server);
    browser ??= await chromium.launch(chromiumLaunchOptions);
    const page = await browser.newPage();
    const noise: string[] = [];
    page.on('pageerror', (e) => noise.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') noise.push(`${m.type()}: ${m.text()}`);
    });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(await page.evaluate(() => (window as unknown as { React?: unknown }).React)).toBeUndefined();

    // The run card: heading, progress, tokens from styles.css, cancel disables at once.
    const card = page.locator('main > article[data-run-id="12847"]');
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('RUNNING');
    expect(await card.getByRole('heading').textContent()).toBe('match-scores (#12847)');
    expect(await card.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('67');
    expect(await card.evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe('rgb(59, 130, 246)');
    await card.getByRole('button', { name: /^Cancel/ }).click();
    expect(await card.getByRole('button', { name: /^Stopping/ }).isDisabled()).toBe(true);
    expect(await page.evaluate(() => (window as Window & { cancelled?: string }).cancelled)).toBe('12847');

    // The virtualized list renders its rows.
    await page.locator('[data-run-id="12848"]').first().waitFor();

    // The panel opens from its toolbar button and lists the runs.
    await page.getByRole('button', { name: 'Jobs, 2 in progress' }).click();
    const panel = page.getByRole('dialog');
    await panel.waitFor();
    expect(await panel.getByText('send-digest').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // The confirmation dialog opens, traps focus and confirms.
    await page.getByRole('button', { name: 'Clean up' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Clean up stalled runs?' });
    await dialog.waitFor();
    await dialog
      .getByRole('button', { name: /confirm|clean up|continue/i })
      .last()
      .click();
    expect(await page.evaluate(() => (window as Window & { confirmed?: boolean }).confirmed)).toBe(true);

    await page.getByRole('status').first().waitFor();
    await page.close();
    expect(noise).toEqual([]);
  }, 120_000);
});

/** `npm install` into a fresh app dir: the tarball plus one React major, from the registry. */
async function createConsumer(major: ReactMajor) {
  const app = path.join(work, `react-${major}`);
  mkdirSync(app, { recursive: true });
  writeFileSync(path.join(app, 'package.json'), consumerPackageJson(major, tarball));
  writeFileSync(path.join(app, 'index.html'), indexHtml);
  writeFileSync(path.join(app, 'main.tsx'), mainTsx);
  writeFileSync(path.join(app, 'env.d.ts'), envDts);
  writeFileSync(path.join(app, 'tsconfig.json'), tsconfigJson);
  await installConsumer(app);
  apps.set(major, app);
}

function tarballFiles(file: string): string[] {
  return execFileSync('tar', ['-tzf', file])
    .toString()
    .trim()
    .split('\n')
    .map((f) => f.replace(/^package\//, ''))
    .filter((f) => f && !f.endsWith('/'));
}

function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const srv = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const file = path.join(dir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res
        .writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv)));
}
