import type pg from 'pg';
import {
  type LoginThrottle,
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_EMAIL,
  normaliseEmail,
  THROTTLE_WINDOW_MS,
} from '../login-throttle.server.js';

const KEEP_ROWS = 1000;
const WINDOW = `${THROTTLE_WINDOW_MS} milliseconds`;

/** The same two budgets as the memory throttle, counted in PostgreSQL so every node shares them. */
export function createPostgresLoginThrottle(pool: pg.Pool): LoginThrottle {
  /** Seconds until the oldest of the last `max` failures leaves the window, or 0 if under `max`. */
  const wait = async (where: string, params: string[], max: number) => {
    const { rows } = await pool.query<{ s: number }>(
      `SELECT ceil(extract(epoch FROM (at + interval '${WINDOW}' - now())))::int AS s
         FROM dashboard_login_attempts
        WHERE ${where} AND at > now() - interval '${WINDOW}'
        ORDER BY at DESC OFFSET $${params.length + 1} LIMIT 1`,
      [...params, max - 1],
    );
    return rows[0] ? Math.max(1, rows[0].s) : 0;
  };
  let writes = 0;
  return {
    async retryAfterS(address, email) {
      const [pair, all] = await Promise.all([
        wait('address = $1 AND email = $2', [address, normaliseEmail(email)], MAX_FAILURES_PER_EMAIL),
        wait('address = $1', [address], MAX_FAILURES_PER_ADDRESS),
      ]);
      return Math.max(pair, all);
    },
    async failed(address, email) {
      const e = normaliseEmail(email);
      await pool.query('INSERT INTO dashboard_login_attempts (address, email) VALUES ($1, $2)', [address, e]);
      await pool.query(
        `INSERT INTO dashboard_login_failures (address, email, count, first_at, last_at)
         VALUES ($1, $2, 1, now(), now())
         ON CONFLICT (address, email) DO UPDATE
           SET count = dashboard_login_failures.count + 1, last_at = now()`,
        [address, e],
      );
      // Keep both tables bounded: the window's attempts, and the newest aggregated rows.
      if (++writes % 50 === 1) {
        await pool.query(`DELETE FROM dashboard_login_attempts WHERE at < now() - interval '${WINDOW}'`);
        await pool.query(
          `DELETE FROM dashboard_login_failures WHERE last_at <
             (SELECT last_at FROM dashboard_login_failures ORDER BY last_at DESC OFFSET $1 LIMIT 1)`,
          [KEEP_ROWS],
        );
      }
    },
    async succeeded(address, email) {
      await pool.query('DELETE FROM dashboard_login_attempts WHERE address = $1 AND email = $2', [
        address,
        normaliseEmail(email),
      ]);
    },
    async recentFailures(limit) {
      const { rows } = await pool.query<{
        address: string;
        email: string;
        count: number;
        first_at: Date;
        last_at: Date;
      }>(
        'SELECT address, email, count, first_at, last_at FROM dashboard_login_failures ORDER BY last_at DESC LIMIT $1',
        [limit],
      );
      return rows.map((r) => ({
        address: r.address,
        email: r.email,
        count: r.count,
        firstAt: r.first_at.toISOString(),
        lastAt: r.last_at.toISOString(),
      }));
    },
  };
}
