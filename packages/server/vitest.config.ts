import { reporters } from '@jobs/config/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    reporters: reporters('server'),
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
