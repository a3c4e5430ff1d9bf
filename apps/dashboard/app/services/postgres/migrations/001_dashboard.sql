-- The dashboard's shared state when DATABASE_URL is set: sessions, failed logins, the audit log.
CREATE TABLE dashboard_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE dashboard_sessions (
  id text PRIMARY KEY,
  data jsonb NOT NULL,
  expires_at timestamptz
);
CREATE INDEX dashboard_sessions_expires ON dashboard_sessions (expires_at);

-- Any end of a session (logout, expiry sweep, a revoke done by hand in SQL) tells every node,
-- which then closes that session's sockets.
CREATE FUNCTION dashboard_session_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dashboard_session_ended', OLD.id);
  RETURN OLD;
END $$;
CREATE TRIGGER dashboard_session_ended AFTER DELETE ON dashboard_sessions
  FOR EACH ROW EXECUTE FUNCTION dashboard_session_ended();

CREATE TABLE dashboard_audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  who text NOT NULL,
  action text NOT NULL,
  run_id text,
  outcome text NOT NULL CHECK (outcome IN ('ok', 'error', 'denied')),
  detail text
);

-- One row per failed try, kept only for the throttle window (budgets per pair and per address).
CREATE TABLE dashboard_login_attempts (
  address text NOT NULL,
  email text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dashboard_login_attempts_address ON dashboard_login_attempts (address, at);

-- Failed logins aggregated per (address, email) for the audit page; bounded by pruning.
CREATE TABLE dashboard_login_failures (
  address text NOT NULL,
  email text NOT NULL,
  count integer NOT NULL,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  PRIMARY KEY (address, email)
);
CREATE INDEX dashboard_login_failures_last ON dashboard_login_failures (last_at);
