import { createSessionStorage } from '@remix-run/node';
import type pg from 'pg';
import { logger } from '../logger.server.js';
import { newSessionId, type SessionData, type Sessions, sessionCookie } from '../session.server.js';

const CHANNEL = 'dashboard_session_ended';

/**
 * Sessions in PostgreSQL, shared by every dashboard node. A deleted row (logout, expiry, a revoke
 * by hand) is announced by a trigger on `dashboard_session_ended`; each node LISTENs and closes that
 * session's sockets, so logging out on one node disconnects the user everywhere.
 */
export async function createPostgresSessions(
  pool: pg.Pool,
  secret: string,
): Promise<Sessions & { close(): Promise<void> }> {
  const listeners: Array<(id: string) => void> = [];
  const storage = createSessionStorage<SessionData>({
    cookie: sessionCookie(secret),
    async createData(data, expires) {
      const id = newSessionId();
      await pool.query('INSERT INTO dashboard_sessions (id, data, expires_at) VALUES ($1, $2, $3)', [
        id,
        JSON.stringify(data),
        expires ?? null,
      ]);
      return id;
    },
    async readData(id) {
      const { rows } = await pool.query<{ data: Partial<SessionData> }>(
        'SELECT data FROM dashboard_sessions WHERE id = $1 AND (expires_at IS NULL OR expires_at > now())',
        [id],
      );
      return rows[0]?.data ?? null;
    },
    async updateData(id, data, expires) {
      await pool.query(
        `INSERT INTO dashboard_sessions (id, data, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
        [id, JSON.stringify(data), expires ?? null],
      );
    },
    async deleteData(id) {
      await pool.query('DELETE FROM dashboard_sessions WHERE id = $1', [id]);
    },
  });

  // One dedicated connection listens; if it drops, it is opened again (sessions ended meanwhile are
  // gone from the table, so their sockets fail at their next request and on the next sweep).
  let listener: pg.PoolClient | null = null;
  let closed = false;
  const listen = async (): Promise<void> => {
    if (closed) return;
    try {
      const client = await pool.connect();
      client.on('notification', (n) => {
        if (n.channel === CHANNEL && n.payload) for (const l of listeners) l(n.payload);
      });
      client.on('error', (error) => {
        logger.warn('dashboard.session_listener_lost', { message: error.message });
        client.release(true);
        listener = null;
        setTimeout(() => void listen(), 1000).unref();
      });
      await client.query(`LISTEN ${CHANNEL}`);
      listener = client;
    } catch (error) {
      logger.warn('dashboard.session_listener_failed', { message: (error as Error).message });
      setTimeout(() => void listen(), 1000).unref();
    }
  };
  await listen();

  const sweep = setInterval(() => {
    pool
      .query('DELETE FROM dashboard_sessions WHERE expires_at < now()')
      .catch((error: Error) => logger.warn('dashboard.session_sweep_failed', { message: error.message }));
  }, 60_000);
  sweep.unref();

  return {
    storage,
    onEnd: (l) => listeners.push(l),
    async close() {
      closed = true;
      clearInterval(sweep);
      listener?.release();
    },
  };
}
