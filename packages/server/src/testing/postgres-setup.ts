import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/** The machine's server; trust auth as user `postgres`, else as the current user. */
const ADMIN_URLS = process.env.JOBS_TEST_POSTGRES_URL
  ? [process.env.JOBS_TEST_POSTGRES_URL]
  : ['postgres://postgres@127.0.0.1:5432/postgres', 'postgres://127.0.0.1:5432/postgres'];

async function admin(): Promise<{ client: pg.Client; url: string }> {
  let last: unknown;
  for (const url of ADMIN_URLS) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      return { client, url };
    } catch (err) {
      last = err;
      await client.end().catch(() => {});
    }
  }
  throw new Error(
    `the PostgreSQL tests need a server at ${ADMIN_URLS.join(' or ')}: ${(last as Error).message}`,
  );
}

/**
 * Vitest globalSetup of the `postgres` project: one database for this test run, named so it cannot
 * be another's (`jobs_test_<pid>_<random>`), dropped at the end. No other database is touched.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const name = `jobs_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const { client, url } = await admin();
  await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  await client.end();
  const database = new URL(url);
  database.pathname = `/${name}`;
  // pg_trgm once, in public, before the stores' schemas migrate in parallel.
  const db = new pg.Client({ connectionString: database.toString() });
  await db.connect();
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_trgm').catch(() => {});
  await db.end();
  project.provide('jobsTestDatabaseUrl', database.toString());
  return async () => {
    const { client: end } = await admin();
    await end.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await end.end();
  };
}
