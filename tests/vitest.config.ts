import { reporters } from '@jobs/config/vitest';
import { defineConfig } from 'vitest/config';

// Fault and cluster suites start real processes and wait on real outages: generous but bounded timeouts.
export default defineConfig({
  test: {
    environment: 'node',
    include: [
      'layering/**/*.test.ts',
      'fault/**/*.test.ts',
      'cluster/**/*.test.ts',
      // The example product app (examples/), started as its README says and driven in Chromium.
      'examples/**/*.test.ts',
    ],
    reporters: reporters('tests'),
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
