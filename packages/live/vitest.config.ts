import { reporters } from '@jobs/config/vitest';
import { defineConfig } from 'vitest/config';

// The repo root hoists React 19 for other packages; this package and its hosts use 18.
const dedupe = ['react', 'react-dom'];

// Tests live beside the code they test; test-only helpers (the Socket.IO test server, the page
// bundler, fixtures) in src/testing/. The suffix picks the environment.
export default defineConfig({
  resolve: { dedupe },
  test: {
    reporters: reporters('live'),
    projects: [
      {
        resolve: { dedupe },
        test: {
          name: 'live-node',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.chromium.test.ts', '**/node_modules/**'],
        },
      },
      {
        resolve: { dedupe },
        test: { name: 'live-jsdom', environment: 'jsdom', include: ['src/**/*.dom.test.tsx'] },
      },
      {
        // Builds and packs the package, installs the tarball with React 19, type-checks a consumer.
        test: {
          name: 'live-publish',
          environment: 'node',
          include: ['scripts/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        resolve: { dedupe },
        // Node drives real Chromium tabs (Playwright) against a real Socket.IO server.
        test: {
          name: 'live-chromium',
          environment: 'node',
          include: ['src/**/*.chromium.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
