import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { AuditLog } from '../audit.server.js';
import type { LoginThrottle } from '../login-throttle.server.js';
import type { Sessions } from '../session.server.js';
import { createPostgresAuditLog } from './audit.server.js';
import { createPostgresLoginThrottle } from './login-throttle.server.js';
import { migrateDashboard } from './migrate.server.js';
import { createPostgresSessions } from './sessions.server.js';

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

export interface SharedState {
  sessions: Sessions;
  audit: AuditLog;
  loginThrottle: LoginThrottle;
  close(): Promise<void>;
}

/**
 * Sessions, login throttle and audit in the PostgreSQL of DATABASE_URL, migrated at start. The
 * session secret is kept there too (made once, by whichever node comes first) unless SESSION_SECRET
 * is set, so cookies signed by one node are accepted by all.
 */
export async function openSharedState(url: string, configuredSecret: string | null): Promise<SharedState> {
  const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 5000 });
  pool.on('error', () => {}); // an idle client lost: the pool replaces it; queries at hand fail on their own
  try {
    await migrateDashboard(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(`PostgreSQL at DATABASE_URL=${redact(url)}: ${(error as Error).message}`);
  }
  let secret = configuredSecret;
  if (!secret) {
    await pool.query(
      `INSERT INTO dashboard_settings (key, value) VALUES ('session_secret', $1) ON CONFLICT (key) DO NOTHING`,
      [randomBytes(32).toString('base64url')],
    );
    const { rows } = await pool.query<{ value: string }>(
      `SELECT value FROM dashboard_settings WHERE key = 'session_secret'`,
    );
    secret = rows[0]?.value ?? '';
  }
  const sessions = await createPostgresSessions(pool, secret);
  return {
    sessions,
    audit: createPostgresAuditLog(pool),
    loginThrottle: createPostgresLoginThrottle(pool),
    async close() {
      await sessions.close();
      await pool.end();
    },
  };
}
