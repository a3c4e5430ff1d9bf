/**
 * Proves a product team's install: build @jobs/ui, pack dist/ as npm would publish it, install the
 * tarball into a throwaway plain Vite + React app, type-check and build that app against the
 * BUILT package (not the sources), then load it in Chromium and use the card.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@jobs/config/chromium';
import react from '@vitejs/plugin-react';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envDts, indexHtml, mainTsx, tsconfigJson } from './publish-app.js';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Inside the repo so the app resolves react, vite and the primitives from the root node_modules,
// but not under packages/ui: there '@jobs/ui' would self-reference the sources.
const cacheDir = path.join(pkg, '../../node_modules/.cache');
let app: string;
let server: Server;
let browser: Browser;

beforeAll(async () => {
  execFileSync('node', ['scripts/build.mjs'], { cwd: pkg, stdio: 'pipe' });
  mkdirSync(cacheDir, { recursive: true });
  app = mkdtempSync(path.join(cacheDir, 'publish-app-'));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', app, './dist'], { cwd: pkg })
    .toString()
    .trim()
    .split('\n')
    .at(-1)!;
  const installed = path.join(app, 'node_modules/@jobs/ui');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(app, tarball), '-C', installed, '--strip-components=1']);
  linkDependencies(installed);
  writeFileSync(path.join(app, 'index.html'), indexHtml);
  writeFileSync(path.join(app, 'main.tsx'), mainTsx);
  writeFileSync(path.join(app, 'env.d.ts'), envDts);
  writeFileSync(path.join(app, 'tsconfig.json'), tsconfigJson);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  if (app) rmSync(app, { recursive: true, force: true });
});

describe('the published package', () => {
  it('ships ESM, one stylesheet, declarations and per-component exports', () => {
    const manifest = JSON.parse(readFileSync(path.join(app, 'node_modules/@jobs/ui/package.json'), 'utf8'));
    expect(manifest.private).toBeUndefined();
    expect(manifest.peerDependencies).toMatchObject({
      react: expect.any(String),
      'react-dom': expect.any(String),
    });
    expect(manifest.dependencies.react).toBeUndefined();
    expect(manifest.dependencies['@jobs/contracts']).toBeUndefined();
    expect(manifest.sideEffects).toEqual(['**/*.css']);
    expect(manifest.exports['./JobRunCard'].import).toBe('./components/JobRunCard.js');
    expect(manifest.exports['./styles.css']).toBe('./styles.css');
    const files = readdirSync(path.join(app, 'node_modules/@jobs/ui'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'styles.css', 'types', 'components']));
  });

  it('type-checks a consumer against the shipped declarations', () => {
    const tsc = path.join(pkg, '../../node_modules/typescript/bin/tsc');
    const result = spawnSync('node', [tsc, '-p', app], { cwd: app, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);

  it('builds a plain Vite + React app from the built package and renders a working card', async () => {
    await build({
      root: app,
      mode: 'production',
      logLevel: 'silent',
      plugins: [react()],
      resolve: { dedupe: ['react', 'react-dom'] },
      build: { outDir: path.join(app, 'out'), emptyOutDir: true },
    });
    const bundle = readdirSync(path.join(app, 'out/assets'))
      .map((f) => readFileSync(path.join(app, 'out/assets', f), 'utf8'))
      .join('\n');
    // Class names come from the build's CSS (scoped `jobs-…`), so the sources were not used.
    expect(/jobs-card-[\w-]{6}/.test(bundle)).toBe(true);
    expect(bundle.includes('packages/ui/src')).toBe(false);

    server = await serve(path.join(app, 'out'));
    const { port } = server.address() as AddressInfo;
    browser = await chromium.launch(chromiumLaunchOptions);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`http://127.0.0.1:${port}/`);

    const card = page.locator('article[data-run-id="12847"]');
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('RUNNING');
    expect(await card.getByRole('heading').textContent()).toBe('match-scores (#12847)');
    expect(await card.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('67');
    // The tokens from styles.css reached the card: RUNNING's #3B82F6 on its left border.
    expect(await card.evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe('rgb(59, 130, 246)');
    await card.getByRole('button', { name: /^Cancel/ }).click();
    expect(await card.getByRole('button', { name: /^Stopping/ }).isDisabled()).toBe(true);
    expect(await page.evaluate(() => (window as Window & { cancelled?: string }).cancelled)).toBe('12847');
    expect(errors).toEqual([]);
  }, 120_000);
});

/**
 * What `npm install` would add beside the package: its dependencies and peers, linked from this
 * repo's installed copies (the machine is offline; the versions are the ones the package pins).
 */
function linkDependencies(installed: string) {
  const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
  const names = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)];
  for (const name of names) {
    const from = [pkg, path.join(pkg, '../..')]
      .map((dir) => path.join(dir, 'node_modules', name))
      .find((dir) => existsSync(path.join(dir, 'package.json')));
    if (!from) throw new Error(`dependency ${name} is not installed in the repo`);
    const to = path.join(app, 'node_modules', name);
    mkdirSync(path.dirname(to), { recursive: true });
    symlinkSync(from, to, 'dir');
  }
}

function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const srv = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
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
