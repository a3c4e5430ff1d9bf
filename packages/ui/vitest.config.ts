import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@jobs/config/chromium';
import { reporters } from '@jobs/config/vitest';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { dedupe, optimizeDepsInclude } from './vite.shared.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

// One viewport for every browser test, so screenshots compare like with like.
const browser = () => ({
  enabled: true,
  headless: true,
  // Failure screenshots would land beside the baselines; the screenshot matcher keeps its own diffs.
  screenshotFailures: false,
  // The tester page must be larger than the viewport, or Vitest scales the iframe (and screenshots) down.
  provider: playwright({
    launchOptions: chromiumLaunchOptions,
    contextOptions: { viewport: { width: 1100, height: 1700 } },
  }),
  instances: [{ browser: 'chromium' as const, viewport: { width: 1024, height: 1200 } }],
});

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: { dedupe },
  optimizeDeps: { include: optimizeDepsInclude },
  test: {
    reporters: reporters('ui'),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.{ts,tsx}', '**/node_modules/**'],
          setupFiles: ['./src/testing/setup.ts'],
        },
      },
      {
        extends: true,
        // Builds the package and a throwaway consumer app, then checks it in Chromium (node side).
        test: {
          name: 'publish',
          environment: 'node',
          include: ['scripts/**/*.test.ts'],
          testTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.{ts,tsx}'],
          setupFiles: ['./src/testing/setup.browser.ts'],
          browser: browser(),
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        // Every story becomes a test: it renders, runs its `play`, then axe (a11y.test = 'error').
        // Storybook resolves story globs against the working directory, hence `npm test` runs
        // Vitest from the repo root and this project is rooted there (the globs are repo-wide).
        root: repoRoot,
        plugins: [storybookTest({ configDir: path.join(repoRoot, '.storybook') })],
        test: { name: 'storybook', browser: browser(), testTimeout: 60_000 },
      },
    ],
  },
});
