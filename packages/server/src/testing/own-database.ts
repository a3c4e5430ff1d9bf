import { randomBytes } from 'node:crypto';
import pg from 'pg';

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
  throw new Error(`these tests need PostgreSQL at ${ADMIN_URLS.join(' or ')}: ${(last as Error).message}`);
}

/**
 * A database of the test's own on the machine's PostgreSQL (`<prefix>_<pid>_<random>`), for tests
 * that start several nodes on one database; `drop()` removes it, whoever is still connected.
 */
export async function createOwnDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const { client, url } = await admin();
  await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  await client.end();
  const database = new URL(url);
  database.pathname = `/${name}`;
  return {
    url: database.toString(),
    async drop() {
      const { client: c } = await admin();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A Redis channel prefix no other test run shares. */
export const ownRedisPrefix = (name: string) =>
  `jobs-test:${name}:${process.pid}:${randomBytes(4).toString('hex')}`;
