import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';

const DIR = new URL('./migrations/', import.meta.url);
const LOCK = "hashtext('jobs-console:dashboard:migrate:' || current_schema())";

/**
 * The dashboard's own versioned SQL (`migrations/NNN_name.sql`), applied at start under an advisory
 * lock so several dashboard nodes starting together migrate once; each file is one transaction. A
 * database newer than this code is refused. Its version table is separate from the engine's, so the
 * two can share one database and evolve apart.
 */
export async function migrateDashboard(pool: pg.Pool): Promise<number> {
  const files = readdirSync(DIR)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${LOCK})`);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS dashboard_schema (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const { rows } = await client.query<{ v: number }>(
        'SELECT coalesce(max(version), 0)::int AS v FROM dashboard_schema',
      );
      const current = rows[0]?.v ?? 0;
      if (current > files.length)
        throw new Error(
          `the dashboard's tables are at schema version ${current}, newer than this dashboard (${files.length}): upgrade it`,
        );
      for (const [i, name] of files.entries()) {
        const version = i + 1;
        if (Number(name.slice(0, 3)) !== version) throw new Error(`migration ${name} is out of sequence`);
        if (version <= current) continue;
        await client.query('BEGIN');
        try {
          await client.query(readFileSync(new URL(name, DIR), 'utf8'));
          await client.query('INSERT INTO dashboard_schema (version, name) VALUES ($1, $2)', [version, name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`migration ${name} failed: ${(error as Error).message}`);
        }
      }
      return files.length;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${LOCK})`);
    }
  } finally {
    client.release();
  }
}
