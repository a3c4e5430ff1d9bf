import { reporters } from '@jobs/config/vitest';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: every test on SQLite (the embedded default), and the store-agnostic suites (HTTP
 * API, runner, socket gateway) again on PostgreSQL, unchanged: `JOBS_TEST_STORE=postgres` makes the
 * shared helper start each test server on a schema of its own in a database this run creates and
 * drops. The SQLite store's own tests, the dispatcher (an in-memory store) and the CLI crash test
 * (a SQLite file killed mid-write) stay SQLite-only; PostgreSQL's own store tests and the cluster
 * modules' tests (src/cluster, PostgreSQL only) run there.
 */
export default defineConfig({
  test: {
    environment: 'node',
    reporters: reporters('server'),
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['src/**/*.test.ts'],
          exclude: ['src/store/postgres/**', 'src/cluster/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [
            'src/http/**/*.test.ts',
            'src/socket/**/*.test.ts',
            'src/engine/runner*.test.ts',
            'src/store/postgres/**/*.test.ts',
            'src/cluster/**/*.test.ts',
          ],
          env: { JOBS_TEST_STORE: 'postgres' },
          globalSetup: ['src/testing/postgres-setup.ts'],
        },
      },
    ],
  },
});
