#!/usr/bin/env node
// `npm run chromatic`: publishes the static Storybook to Chromatic for teams whose CI can reach it.
// Without a token it refuses before touching the network: with no network, the chromatic CLI falls
// back to public DNS servers and hangs.
import { spawnSync } from 'node:child_process';

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

const build = spawnSync('npm', ['run', 'build-storybook'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
// The CLI is fetched on demand by teams who use it; it is not a dependency of this repo.
const run = spawnSync('npx', ['--yes', 'chromatic@13', '--config-file', 'chromatic.config.json'], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
