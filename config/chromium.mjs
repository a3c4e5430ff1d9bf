/**
 * The one place that says how every browser test in the repo launches Chromium: Debian's build,
 * headless, with the flags that keep it off this machine's closed network. No test tool may
 * download a browser of its own (see docs/decisions/002-test-strategy.md).
 * Plain JS so that config loaders (Vitest, Playwright, Storybook) import it without a transform.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const chromiumLaunchOptions = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_ARGS,
};
