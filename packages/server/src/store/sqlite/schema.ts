import type Database from 'better-sqlite3';
import { durationBucket, SERIES_KEPT_MINUTES } from '../series.js';

/**
 * Migrations, applied in order and recorded in `PRAGMA user_version`. Columns read by lists come
 * first and the large JSON values last, so a page of summaries never reads an oversized value.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    job_name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('QUEUED','RUNNING','SUCCESS','FAILED','CANCELLED')),
    trigger TEXT NOT NULL,
    triggered_by TEXT,
    scope TEXT,
    algorithm_version TEXT,
    queued_at INTEGER NOT NULL,
    started_at INTEGER,
    finished_at INTEGER,
    last_heartbeat_at INTEGER,
    cancel_requested_at INTEGER,
    duration_ms INTEGER,
    queue_delay_ms INTEGER,
    attempt INTEGER NOT NULL DEFAULT 1,
    retry_of INTEGER,
    version INTEGER NOT NULL DEFAULT 1,
    log_count INTEGER NOT NULL DEFAULT 0,
    idempotency_key TEXT,
    params_bytes INTEGER NOT NULL,
    metadata_bytes INTEGER,
    progress TEXT,
    error TEXT,
    params TEXT NOT NULL,
    metadata TEXT
  );
  CREATE INDEX runs_status ON runs (status, id);
  CREATE INDEX runs_job ON runs (job_name, id);
  CREATE INDEX runs_job_status ON runs (job_name, status, id);
  CREATE UNIQUE INDEX runs_idempotency ON runs (idempotency_key) WHERE idempotency_key IS NOT NULL;

  CREATE TABLE run_terms (term TEXT NOT NULL, run_id INTEGER NOT NULL, PRIMARY KEY (term, run_id)) WITHOUT ROWID;
  CREATE VIRTUAL TABLE run_errors USING fts5 (message, tokenize = 'trigram', content = '');

  CREATE TABLE run_logs (
    run_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    level TEXT NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
  ) WITHOUT ROWID;

  CREATE TABLE run_counts (
    job_name TEXT NOT NULL,
    status TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (job_name, status)
  ) WITHOUT ROWID;
  CREATE TABLE finished_by_minute (
    minute INTEGER NOT NULL,
    status TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (minute, status)
  ) WITHOUT ROWID;

  CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
  INSERT INTO meta (key, value) VALUES ('event_seq', 0);

  CREATE TABLE job_definitions (
    name TEXT PRIMARY KEY,
    first_seen_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    params_schema TEXT
  ) WITHOUT ROWID;
  `,
  // Finished runs per minute, job, status and duration bucket (../series.ts): what the stats-over-
  // time endpoint reads. Filled once from the runs of the days it keeps, then only by finishRun.
  `
  CREATE TABLE finished_counts (
    minute INTEGER NOT NULL,
    job_name TEXT NOT NULL,
    status TEXT NOT NULL,
    duration_bucket INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (minute, job_name, status, duration_bucket)
  ) WITHOUT ROWID;
  INSERT INTO finished_counts (minute, job_name, status, duration_bucket, n)
    SELECT finished_at / 60000, job_name, status, jobs_duration_bucket(duration_ms), count(*)
    FROM runs
    WHERE status IN ('SUCCESS', 'FAILED', 'CANCELLED') AND finished_at IS NOT NULL
      AND finished_at / 60000 >= CAST(strftime('%s', 'now') AS INTEGER) / 60 - ${SERIES_KEPT_MINUTES}
    GROUP BY 1, 2, 3, 4;
  `,
];

export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The jobs database is at schema version ${current}, newer than this server (${MIGRATIONS.length}). Upgrade the server.`,
    );
  }
  db.function('jobs_duration_bucket', { deterministic: true }, (ms: unknown) =>
    durationBucket(typeof ms === 'number' ? ms : null),
  );
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
