#!/usr/bin/env node
// Gets the example ready to run, as a product team would consume the packages:
//   1. build @jobs/ui and @jobs/live in this repository (skipped when dist/ is newer than the
//      sources) and `npm pack` them into packs/ (what `npm publish dist` would upload);
//   2. `npm install` the app: React 19, Vite and the two tarballs (skipped when package.json and
//      the tarballs are unchanged since the last install);
//   3. type-check the app against the packed declarations and build it with Vite into dist/.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const app = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repo = path.resolve(app, '../..');

/** The outer `npm test -w …` / `npm run` leaves npm_* settings (workspace, prefix) behind. */
export function cleanEnv(extra = {}) {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_') || keep.has(key)),
  );
  return { ...env, ...extra };
}

const run = (cmd, args, cwd, extra) =>
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: cleanEnv(extra) });

export function prepare(log = console.log) {
  mkdirSync(path.join(app, 'packs'), { recursive: true });
  for (const name of ['ui', 'live']) {
    const pkg = path.join(repo, 'packages', name);
    if (isFresh(pkg)) log(`@jobs/${name}: dist/ is up to date`);
    else {
      log(`@jobs/${name}: building`);
      run('node', ['scripts/build.mjs'], pkg, { NODE_ENV: 'production' });
    }
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'jobs-pack-'));
    const file = execFileSync('npm', ['pack', '--silent', '--pack-destination', tmp, './dist'], {
      cwd: pkg,
      env: cleanEnv(),
    })
      .toString()
      .trim()
      .split('\n')
      .at(-1);
    renameSync(path.join(tmp, String(file)), path.join(app, 'packs', `jobs-${name}.tgz`));
    rmSync(tmp, { recursive: true, force: true });
  }

  const stampFile = path.join(app, '.install-stamp');
  const stamp = createHash('sha256');
  for (const file of ['package.json', 'packs/jobs-ui.tgz', 'packs/jobs-live.tgz'])
    stamp.update(readFileSync(path.join(app, file)));
  const digest = stamp.digest('hex');
  const installed = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === digest;
  if (installed && existsSync(path.join(app, 'node_modules/@jobs/ui'))) log('node_modules: up to date');
  else {
    log('npm install (React 19, Vite, the packed @jobs/ui and @jobs/live)');
    // The tarballs keep their names between builds: drop the installed copies so npm takes the new ones.
    rmSync(path.join(app, 'node_modules/@jobs'), { recursive: true, force: true });
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app);
    writeFileSync(stampFile, digest);
  }

  log('type-check and build the app');
  run('node', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'], app);
  run('node', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], app, {
    NODE_ENV: 'production',
  });
}

/** dist/ was built after the last change to the package's sources, manifest or build script. */
function isFresh(pkg) {
  const built = path.join(pkg, 'dist/package.json');
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  const inputs = [
    path.join(pkg, 'package.json'),
    path.join(pkg, 'scripts/build.mjs'),
    path.join(pkg, 'README.md'),
  ];
  for (const dir of [path.join(pkg, 'src'), path.join(repo, 'packages/contracts/src')])
    inputs.push(...walk(dir));
  return inputs.every((file) => statSync(file).mtimeMs < builtAt);
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) prepare();
