import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Route modules and services run in Node, called directly with a real Request and test services.
// JUnit lands in reports/ beside every other runner's, for the closing count of `npm test`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['app/**/*.test.ts'],
    reporters: ['default', ['junit', { outputFile: path.join(repoRoot, 'reports', 'dashboard.xml') }]],
  },
});
