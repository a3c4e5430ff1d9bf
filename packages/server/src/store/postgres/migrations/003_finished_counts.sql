-- Finished runs per minute, job, status and duration bucket: what the stats-over-time endpoint
-- reads (src/store/series.ts holds the bucket scale: -1 no duration, 0 up to 1 ms, then √2 apart).
-- Written by finishRun in the run's transaction; kept eight days. Filled once here from the runs
-- of those days.
CREATE TABLE finished_counts (
  minute bigint NOT NULL,
  job_name text NOT NULL,
  status text NOT NULL,
  duration_bucket smallint NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (minute, job_name, status, duration_bucket)
);
INSERT INTO finished_counts (minute, job_name, status, duration_bucket, n)
  SELECT floor(extract(epoch FROM finished_at) / 60)::int8, job_name, status,
         CASE WHEN duration_ms IS NULL THEN -1
              WHEN duration_ms <= 1 THEN 0
              ELSE least(60, ceil(2 * log(2, duration_ms::numeric)))::int END,
         count(*)
  FROM runs
  WHERE status IN ('SUCCESS', 'FAILED', 'CANCELLED') AND finished_at >= now() - interval '8 days'
  GROUP BY 1, 2, 3, 4;
