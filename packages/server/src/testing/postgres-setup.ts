import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createOwnDatabase } from './own-database.js';

/**
 * Vitest globalSetup of the `postgres` project: one database for this test run, named so it cannot
 * be another's (`jobs_test_<pid>_<random>`), dropped at the end. No other database is touched.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createOwnDatabase('jobs_test');
  // pg_trgm once, in public, before the stores' schemas migrate in parallel.
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_trgm').catch(() => {});
  await db.end();
  project.provide('jobsTestDatabaseUrl', database.url);
  return () => database.drop();
}
