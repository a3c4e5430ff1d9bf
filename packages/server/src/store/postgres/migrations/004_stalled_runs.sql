-- Runs declared stalled: every sweep looks among the recent ones for a run whose new attempt
-- (stallRetries) is missing, because the node that declared it stopped before enqueuing it.
-- Partial, so that read never walks the failed runs of every day and reason. The code is matched
-- in the stored text (as the sweep writes it): json operators fail on a value holding \u0000.
CREATE INDEX runs_stalled ON runs (finished_at)
  WHERE status = 'FAILED' AND strpos(error::text, '"code":"STALLED"') > 0;
