// `npm install` of a throwaway consumer app, for the tests that install a packed package from the
// registry the way a product team would.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ARGS = [
  'install',
  '--no-audit',
  '--no-fund',
  '--prefer-offline',
  '--ignore-scripts',
  '--loglevel=error',
];

/**
 * Installs `dir`'s package.json. The registry and the shared npm cache are outside the product: one
 * dropped connection or a cache entry another install is writing must not fail a suite, so a failed
 * install is tried once more; a second failure throws with npm's own output and how it ended.
 */
export async function installConsumer(dir, { timeoutMs = 240_000 } = {}) {
  let last;
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    try {
      await run('npm', ARGS, { cwd: dir, env: cleanNpmEnv(), timeout: timeoutMs });
      return;
    } catch (error) {
      last = error;
    }
  }
  const { signal, code, stderr, stdout } = last;
  const how = signal ? `killed by ${signal} (timeout ${timeoutMs} ms)` : `exit code ${code}`;
  throw new Error(`npm install in ${dir} failed twice, ${how}:\n${stderr || stdout || '(no output)'}`);
}

/** The outer `npm test -w …` leaves npm_* settings (workspace, prefix) that would misdirect an install. */
function cleanNpmEnv() {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_') || keep.has(key)),
  );
}
