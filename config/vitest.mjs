import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repo's root, where `reports/` collects every runner's JUnit file for the final count. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Reporters for a Vitest run: the console, plus JUnit into `reports/<name>.xml`, which
 * `scripts/run-tests.mjs` counts (turbo prefixes output lines, so a runner's own summary is unusable).
 */
export function reporters(name) {
  return ['default', ['junit', { outputFile: path.join(REPO_ROOT, 'reports', `${name}.xml`) }]];
}
