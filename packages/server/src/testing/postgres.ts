import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the database this test run created (Vitest project `postgres` only) */
    jobsTestDatabaseUrl: string;
  }
}

/** Which store the shared test helpers start servers on: `JOBS_TEST_STORE=postgres` or SQLite. */
export const testStore: 'postgres' | 'sqlite' =
  process.env.JOBS_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * The URL of a store of its own inside the test run's database: a schema named after `key` (a
 * server restarted with the same key finds its runs again), first on the search path.
 */
export async function postgresUrlFor(key: string): Promise<string> {
  const base = inject('jobsTestDatabaseUrl');
  const schema = `t_${key.toLowerCase().replace(/[^a-z0-9]/g, '_')}`.slice(0, 63);
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return url.toString();
}
