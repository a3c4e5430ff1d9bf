import type pg from 'pg';
import type { AuditEntry, AuditLog } from '../audit.server.js';
import { logger } from '../logger.server.js';

/** The audit log in PostgreSQL: every node writes to and reads the same log. */
export function createPostgresAuditLog(pool: pg.Pool): AuditLog {
  return {
    record(partial) {
      logger.info('audit', { ...partial });
      pool
        .query(
          'INSERT INTO dashboard_audit (who, action, run_id, outcome, detail) VALUES ($1, $2, $3, $4, $5)',
          [partial.who, partial.action, partial.runId, partial.outcome, partial.detail],
        )
        .catch((error: Error) => logger.error('dashboard.audit_write_failed', { message: error.message }));
    },
    async recent(limit) {
      const { rows } = await pool.query<{
        at: Date;
        who: string;
        action: string;
        run_id: string | null;
        outcome: AuditEntry['outcome'];
        detail: string | null;
      }>('SELECT at, who, action, run_id, outcome, detail FROM dashboard_audit ORDER BY id DESC LIMIT $1', [
        limit,
      ]);
      return rows.map((r) => ({
        at: r.at.toISOString(),
        who: r.who,
        action: r.action,
        runId: r.run_id,
        outcome: r.outcome,
        detail: r.detail,
      }));
    },
  };
}
