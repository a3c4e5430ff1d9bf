-- Run counters in shards. Every lifecycle transaction moves a run between statuses in
-- `run_counts`; with one row per (job, status), every enqueue, start and finish of a job waited for
-- the previous one's row lock (measured: the counter statement was where a cluster's lifecycle
-- transactions spent most of their time). A writer now adds its delta to one of 32 rows per
-- (job, status), picked at random per transaction; readers sum the shards (they already summed).
ALTER TABLE run_counts ADD COLUMN shard smallint NOT NULL DEFAULT 0;
ALTER TABLE run_counts DROP CONSTRAINT run_counts_pkey;
ALTER TABLE run_counts ADD PRIMARY KEY (job_name, status, shard);
