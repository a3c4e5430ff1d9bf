import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';

const DIR = new URL('./migrations/', import.meta.url);

/** `NNN_name.sql`, in order; the number is the schema version it brings the database to. */
export function migrations(): Array<{ version: number; name: string; sql: string }> {
  return readdirSync(DIR)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f, i) => {
      const version = Number(f.slice(0, 3));
      if (version !== i + 1) throw new Error(`migration ${f} is out of sequence (expected ${i + 1})`);
      return { version, name: f, sql: readFileSync(new URL(f, DIR), 'utf8') };
    });
}

/**
 * Brings the database (its current schema) to the code's version. Several nodes starting at once
 * wait on one advisory lock, so the first migrates and the others find it done; each migration is
 * one transaction. A database newer than the code is refused, as the SQLite store does.
 */
export async function migrate(pool: pg.Pool): Promise<number> {
  const known = migrations();
  const client = await pool.connect();
  client.on('error', () => {}); // a dropped connection fails the query at hand; it must not crash the process
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('jobs-console:migrate:' || current_schema()))`);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS jobs_schema (
           version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const current = Number(
        (await client.query('SELECT coalesce(max(version), 0) AS v FROM jobs_schema')).rows[0].v,
      );
      if (current > known.length) {
        throw new Error(
          `The jobs database is at schema version ${current}, newer than this server (${known.length}). Upgrade the server.`,
        );
      }
      for (const m of known.slice(current)) {
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO jobs_schema (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(`migration ${m.name} failed: ${(err as Error).message}`);
        }
      }
      return known.length;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext('jobs-console:migrate:' || current_schema()))`);
    }
  } finally {
    client.release();
  }
}
