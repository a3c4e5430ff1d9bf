import pg from 'pg';
import { migrate } from './migrate.js';
import { createPool } from './pool.js';
import { PostgresJobStore } from './store.js';

/** The URL without its password, fit for a log line or an error message. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

/** Why a connection failed, in a few words (pg's AggregateError carries the real cause inside). */
function reason(err: unknown): string {
  const e = err as { message?: string; code?: string; errors?: unknown[] };
  const inner = Array.isArray(e.errors) && e.errors.length ? (e.errors[0] as { message?: string }) : null;
  return inner?.message || e.message || e.code || String(err);
}

/**
 * Opens the PostgreSQL store of `DATABASE_URL`: reaches the server, creates the database when it
 * is missing and the user may (else says the `createdb` to run), and migrates it. Every failure is
 * one line naming DATABASE_URL.
 */
export async function openPostgresStore(
  url: string,
  options: { poolSize?: number } = {},
): Promise<PostgresJobStore> {
  const shown = redactUrl(url);
  const pool = createPool(url, options.poolSize);
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => {});
    if ((err as { code?: string }).code !== '3D000') {
      throw new Error(`cannot reach PostgreSQL at DATABASE_URL=${shown}: ${reason(err)}`);
    }
    await createDatabase(url, shown);
    return openPostgresStore(url, options);
  }
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw new Error(`PostgreSQL at DATABASE_URL=${shown}: ${reason(err)}`);
  }
  return new PostgresJobStore(pool, createPool(url, 4, { synchronousCommit: false }));
}

async function createDatabase(url: string, shown: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (err) {
    if ((err as { code?: string }).code === '42P04') return; // another node created it first
    const host = target.hostname || '127.0.0.1';
    const user = decodeURIComponent(target.username) || process.env.USER || 'postgres';
    throw new Error(
      `the database of DATABASE_URL=${shown} does not exist and could not be created (${reason(err)}); ` +
        `create it with: createdb -h ${host} -p ${target.port || 5432} -U ${user} ${name}`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}
