#!/usr/bin/env node
// `npm run chromatic`: publishes the static Storybook to Chromatic for teams whose CI can reach it.
// Without a token it refuses before touching the network: with no network, the chromatic CLI falls
// back to public DNS servers and hangs.
//
// The CLI is the pinned devDependency `chromatic` (in the lockfile), never fetched at run time.
// TurboSnap (`onlyChanged` in chromatic.config.json) needs the build's module graph, so the
// Storybook is built with `--stats-json` (storybook-static/preview-stats.json). Extra arguments go
// to the CLI, e.g. `npm run chromatic -- --branch-name feature-x`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// biome-ignore lint/suspicious/noUndeclaredEnvVars: read by a script turbo never runs.
if (!process.env.CHROMATIC_PROJECT_TOKEN) {
  console.error(
    [
      'chromatic: CHROMATIC_PROJECT_TOKEN is not set, so nothing was uploaded.',
      'Visual review in Chromatic needs a project token and network access to chromatic.com.',
      'Set CHROMATIC_PROJECT_TOKEN in a CI that can reach Chromatic, then run `npm run chromatic`.',
      'Locally, the visual baselines run in `npm test` instead (see packages/ui/README.md).',
    ].join('\n'),
  );
  process.exit(1);
}

const cli = path.join(root, 'node_modules/.bin/chromatic');
if (!existsSync(cli)) {
  console.error('chromatic: the CLI is not installed; run `npm install` (it is a pinned devDependency).');
  process.exit(1);
}

const build = spawnSync('npx', ['storybook', 'build', '-o', 'storybook-static', '--stats-json'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(cli, ['--config-file', 'chromatic.config.json', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
