import { reporters } from '@jobs/config/vitest';
import { defineConfig } from 'vitest/config';

// The repo root hoists React 19 for other packages; this package and its hosts use 18.
const dedupe = ['react', 'react-dom'];

export default defineConfig({
  resolve: { dedupe },
  test: {
    reporters: reporters('live'),
    projects: [
      {
        resolve: { dedupe },
        test: { name: 'live-node', environment: 'node', include: ['test/node/**/*.test.ts'] },
      },
      {
        resolve: { dedupe },
        test: { name: 'live-jsdom', environment: 'jsdom', include: ['test/dom/**/*.dom.test.tsx'] },
      },
      {
        resolve: { dedupe },
        test: {
          name: 'live-chromium',
          environment: 'node',
          include: ['test/chromium/**/*.chromium.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
