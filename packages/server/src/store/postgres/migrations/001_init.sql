-- Jobs Console on PostgreSQL, schema 1. Applied once per database under an advisory lock.
--
-- JSON values are `json`, not `jsonb`: the text is kept as the job sent it (key order, duplicate keys,
-- `\u0000` escapes), so a run reads back, downloads and compares (idempotent replays) byte for byte as
-- in the SQLite store. Search goes through `run_terms` and `run_errors`, never through the JSON.

-- One row: the lifecycle event sequence and the last run id. Every lifecycle transaction updates it
-- as its last statement, so commits happen in `seq` order and run ids are dense (no gaps on rollback).
CREATE TABLE jobs_clock (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  seq bigint NOT NULL,
  run_id bigint NOT NULL
);
INSERT INTO jobs_clock (seq, run_id) VALUES (0, 0);

CREATE TABLE runs (
  id bigint PRIMARY KEY,
  job_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCESS', 'FAILED', 'CANCELLED')),
  trigger text NOT NULL,
  triggered_by text,
  scope text,
  algorithm_version text,
  queued_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  last_heartbeat_at timestamptz,
  cancel_requested_at timestamptz,
  duration_ms bigint,
  queue_delay_ms bigint,
  attempt integer NOT NULL DEFAULT 1,
  retry_of bigint,
  version bigint NOT NULL DEFAULT 1,
  log_count integer NOT NULL DEFAULT 0,
  idempotency_key text,
  params_bytes integer NOT NULL,
  metadata_bytes integer,
  progress json,
  error json,
  params json NOT NULL,
  metadata json
);
CREATE INDEX runs_status ON runs (status, id);
CREATE INDEX runs_job ON runs (job_name, id);
CREATE INDEX runs_job_status ON runs (job_name, status, id);
CREATE UNIQUE INDEX runs_idempotency ON runs (idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX runs_running_heartbeat ON runs (last_heartbeat_at) WHERE status = 'RUNNING';

-- Every lifecycle event, in commit order: any node can read `seq > cursor` and never skip one.
CREATE TABLE run_events (
  seq bigint PRIMARY KEY,
  run_id bigint NOT NULL,
  type text NOT NULL,
  version bigint NOT NULL,
  status text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX run_events_at ON run_events (at);

-- `params.userId=8`: one row per indexed scalar, walked in id order by its primary key.
CREATE TABLE run_terms (
  term text NOT NULL,
  run_id bigint NOT NULL,
  PRIMARY KEY (term, run_id)
);

-- Error messages, searched by substring (trigram index when pg_trgm is there; a bounded scan if not).
CREATE TABLE run_errors (
  run_id bigint PRIMARY KEY,
  message text NOT NULL
);

CREATE TABLE run_logs (
  run_id bigint NOT NULL,
  seq integer NOT NULL,
  at timestamptz NOT NULL,
  level text NOT NULL,
  message text NOT NULL,
  PRIMARY KEY (run_id, seq)
);

-- Maintained counters: totals and stats never count runs.
CREATE TABLE run_counts (
  job_name text NOT NULL,
  status text NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (job_name, status)
);
CREATE TABLE finished_by_minute (
  minute bigint NOT NULL,
  status text NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (minute, status)
);

CREATE TABLE job_definitions (
  name text PRIMARY KEY,
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  params_schema json
);

-- pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it. Where it cannot be
-- created, error search still works, as a scan bounded like every other search. The operator class
-- is named with the extension's schema, wherever an earlier migration of another schema put it.
DO $$
DECLARE
  ext_schema text;
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
    RAISE NOTICE 'pg_trgm is not available: error text search scans without an index';
  END;
  SELECT n.nspname INTO ext_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
  IF ext_schema IS NOT NULL THEN
    EXECUTE format('CREATE INDEX run_errors_trgm ON run_errors USING gin (message %I.gin_trgm_ops)', ext_schema);
  END IF;
END $$;
