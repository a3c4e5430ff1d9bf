import { termsOf } from '../search.js';
import type { ImportedRun } from '../sqlite/bulk-import.js';
import { createPool } from './pool.js';
import { pgText } from './rows.js';

const BATCH = 5_000;
const MINUTE = 60_000;

/**
 * The bulk path for finished runs into PostgreSQL (moving history in; the benchmark's seed): batches
 * of 5,000 runs, each a few multi-row statements over `unnest` arrays and one short transaction
 * that takes its ids from the clock row, so ids stay dense and live writers can go on meanwhile.
 * Counters are summed per batch and added in
 * the batch's transaction. The database must be migrated.
 */
export async function importFinishedRunsPg(url: string, runs: Iterable<ImportedRun>): Promise<number> {
  const pool = createPool(url, 1);
  const client = await pool.connect();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const split = (map: Map<string, number>) => {
    const entries = [...map].sort(([a], [b]) => (a < b ? -1 : 1));
    return [
      entries.map(([k]) => k.split('\u0000')[0]!),
      entries.map(([k]) => k.split('\u0000')[1]!),
      entries.map(([, v]) => v),
    ] as const;
  };
  let n = 0;
  try {
    // A seed is redone if the machine dies halfway; each batch need not wait for its WAL flush.
    await client.query('SET synchronous_commit = off');
    let batch: ImportedRun[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await client.query('BEGIN');
      const { rows } = await client.query(
        'UPDATE jobs_clock SET run_id = run_id + $1 RETURNING run_id - $1 AS first',
        [batch.length],
      );
      const first = Number(rows[0].first) + 1;
      const ids = batch.map((_, i) => first + i);
      const col = <T>(f: (r: ImportedRun) => T) => batch.map(f);
      const params = col((r) => JSON.stringify(r.params));
      const metadata = col((r) => (r.metadata ? JSON.stringify(r.metadata) : null));
      await client.query(
        `INSERT INTO runs (id, job_name, status, trigger, triggered_by, queued_at, started_at, finished_at,
           last_heartbeat_at, duration_ms, queue_delay_ms, attempt, version, params_bytes, metadata_bytes,
           error, params, metadata)
         SELECT id, job_name, status, trigger, triggered_by, to_timestamp(queued_at / 1000.0),
           to_timestamp(started_at / 1000.0), to_timestamp(finished_at / 1000.0), to_timestamp(finished_at / 1000.0),
           finished_at - started_at, started_at - queued_at, attempt, 3, octet_length(params), octet_length(metadata),
           error::json, params::json, metadata::json
         FROM unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int8[], $7::int8[], $8::int8[],
           $9::int4[], $10::text[], $11::text[], $12::text[])
           AS t(id, job_name, status, trigger, triggered_by, queued_at, started_at, finished_at, attempt, error, params, metadata)`,
        [
          ids,
          col((r) => r.jobName),
          col((r) => r.status),
          col((r) => r.trigger),
          col((r) => (r.triggeredBy === null ? null : pgText(r.triggeredBy))),
          col((r) => r.queuedAt),
          col((r) => r.startedAt),
          col((r) => r.finishedAt),
          col((r) => r.attempt ?? 1),
          col((r) => (r.error ? JSON.stringify(r.error) : null)),
          params,
          metadata,
        ],
      );
      const termIds: number[] = [];
      const terms: string[] = [];
      const errorIds: number[] = [];
      const errors: string[] = [];
      batch.forEach((r, i) => {
        for (const t of [...termsOf('params', r.params), ...termsOf('metadata', r.metadata ?? null)]) {
          if (t.includes('\u0000')) continue;
          termIds.push(ids[i]!);
          terms.push(t);
        }
        if (r.error) {
          errorIds.push(ids[i]!);
          errors.push(pgText(r.error.message));
        }
      });
      await client.query(
        'INSERT INTO run_terms (term, run_id) SELECT * FROM unnest($1::text[], $2::int8[]) ON CONFLICT DO NOTHING',
        [terms, termIds],
      );
      await client.query(
        'INSERT INTO run_errors (run_id, message) SELECT * FROM unnest($1::int8[], $2::text[])',
        [errorIds, errors],
      );
      // The batch's counters, in its own transaction: an import stopped halfway leaves them right.
      const perStatus = new Map<string, number>();
      const perMinute = new Map<string, number>();
      for (const r of batch) {
        bump(perStatus, `${r.jobName}\u0000${r.status}`);
        bump(perMinute, `${Math.floor(r.finishedAt / MINUTE)}\u0000${r.status}`);
      }
      await client.query(
        `INSERT INTO run_counts (job_name, status, n) SELECT * FROM unnest($1::text[], $2::text[], $3::int8[])
         ON CONFLICT (job_name, status, shard) DO UPDATE SET n = run_counts.n + excluded.n`,
        [...split(perStatus)],
      );
      const [minutes, statuses, counts] = split(perMinute);
      await client.query(
        `INSERT INTO finished_by_minute (minute, status, n) SELECT * FROM unnest($1::int8[], $2::text[], $3::int8[])
         ON CONFLICT (minute, status) DO UPDATE SET n = finished_by_minute.n + excluded.n`,
        [minutes.map(Number), statuses, counts],
      );
      await client.query('COMMIT');
      batch = [];
    };
    for (const r of runs) {
      batch.push(r);
      n++;
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    await client.query('SET synchronous_commit = on');
    // Set the visibility map now (autovacuum would, later): searches and stats become index-only
    // scans (a term lookup on 1M runs: 30 ms of heap reads → under 1 ms), and the planner has statistics.
    await client.query('VACUUM (ANALYZE) runs, run_terms, run_errors, run_counts, finished_by_minute');
  } finally {
    client.release();
    await pool.end();
  }
  return n;
}
