import type { JobRun, JsonObject } from '@jobs/contracts';
import { termsOf } from '../search.js';
import { durationBucket } from '../series.js';
import { countFinished, countFinishedJob, countStatus, indexErrorText, indexTerms } from './counters.js';
import { openDatabase } from './database.js';
import { Statements } from './statements.js';

export interface ImportedRun {
  jobName: string;
  status: 'SUCCESS' | 'FAILED' | 'CANCELLED';
  trigger: JobRun['trigger'];
  triggeredBy: string | null;
  params: JsonObject;
  metadata?: JsonObject | null;
  error?: JobRun['error'];
  /** epoch ms */
  queuedAt: number;
  startedAt: number;
  finishedAt: number;
  attempt?: number;
}

/**
 * The bulk path for finished runs (moving history in; the benchmark's seed): one transaction over
 * its own connection to the file, with prepared statements. The counters go through the same
 * functions as the store's own writes, summed per job/status, per minute and per minute/job/duration first, so a million
 * runs cost a few thousand counter updates, not a million.
 */
export function importFinishedRuns(file: string, runs: Iterable<ImportedRun>): number {
  const db = openDatabase(file, { busyTimeoutMs: 5000 });
  const sql = new Statements(db);
  const insert = sql.get(
    `INSERT INTO runs (job_name, status, trigger, triggered_by, queued_at, started_at, finished_at,
       last_heartbeat_at, duration_ms, queue_delay_ms, attempt, version, params_bytes, metadata_bytes,
       error, params, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const perStatus = new Map<string, { jobName: string; status: string; n: number }>();
  const perMinute = new Map<string, { at: number; status: string; n: number }>();
  const perMinuteJob = new Map<
    string,
    { at: number; jobName: string; status: string; bucket: number; n: number }
  >();
  let n = 0;
  try {
    sql.write(() => {
      for (const r of runs) {
        const params = JSON.stringify(r.params);
        const metadata = r.metadata ? JSON.stringify(r.metadata) : null;
        const { id } = insert.get(
          r.jobName,
          r.status,
          r.trigger,
          r.triggeredBy,
          r.queuedAt,
          r.startedAt,
          r.finishedAt,
          r.finishedAt,
          r.finishedAt - r.startedAt,
          r.startedAt - r.queuedAt,
          r.attempt ?? 1,
          Buffer.byteLength(params),
          metadata === null ? null : Buffer.byteLength(metadata),
          r.error ? JSON.stringify(r.error) : null,
          params,
          metadata,
        ) as { id: number };
        indexTerms(sql, id, termsOf('params', r.params));
        indexTerms(sql, id, termsOf('metadata', r.metadata ?? null));
        if (r.error) indexErrorText(sql, id, r.error.message);
        const statusKey = `${r.jobName}\u0000${r.status}`;
        const s = perStatus.get(statusKey) ?? { jobName: r.jobName, status: r.status, n: 0 };
        s.n++;
        perStatus.set(statusKey, s);
        const minuteKey = `${Math.floor(r.finishedAt / 60_000)}\u0000${r.status}`;
        const m = perMinute.get(minuteKey) ?? { at: r.finishedAt, status: r.status, n: 0 };
        m.n++;
        perMinute.set(minuteKey, m);
        const bucket = durationBucket(r.finishedAt - r.startedAt);
        const jobKey = `${minuteKey}\u0000${r.jobName}\u0000${bucket}`;
        const j = perMinuteJob.get(jobKey) ?? {
          at: r.finishedAt,
          jobName: r.jobName,
          status: r.status,
          bucket,
          n: 0,
        };
        j.n++;
        perMinuteJob.set(jobKey, j);
        n++;
      }
      for (const s of perStatus.values()) countStatus(sql, s.jobName, s.status, s.n);
      for (const m of perMinute.values()) countFinished(sql, m.at, m.status, m.n);
      for (const j of perMinuteJob.values()) countFinishedJob(sql, j.at, j.jobName, j.status, j.bucket, j.n);
    });
    db.pragma('wal_checkpoint(TRUNCATE)'); // readers should not wade through a huge WAL
  } finally {
    db.close();
  }
  return n;
}
