import type { JobProgress } from '@jobs/contracts';
import type pg from 'pg';
import { run } from './pool.js';

interface Pending {
  progress: JobProgress;
  at: Date;
  waiters: Array<{ resolve(version: number | null): void; reject(err: unknown): void }>;
}

/** most runs written by one statement */
const MAX_BATCH = 500;

/**
 * Progress writes of many runs in one statement. One statement is in flight at a time; what
 * arrives meanwhile waits for it and goes out together in the next one, so a quiet store writes
 * each value at once and a busy one writes hundreds of runs per round trip instead of queueing
 * one round trip per value behind a small pool (at 1,000 values/s that queue was the fan-out's
 * latency). Two values for one run in one batch: the later wins (progress is latest-wins), both
 * callers get the version it made. Rows are locked in id order, so two batches (or a batch and a
 * heartbeat, which locks in the same order) never deadlock.
 */
export class ProgressBatcher {
  #pending = new Map<number, Pending>();
  #flushing: Promise<void> | null = null;

  constructor(private readonly pool: pg.Pool) {}

  write(id: number, progress: JobProgress, at: Date): Promise<number | null> {
    return new Promise((resolve, reject) => {
      const existing = this.#pending.get(id);
      if (existing) {
        existing.progress = progress;
        existing.at = at;
        existing.waiters.push({ resolve, reject });
      } else this.#pending.set(id, { progress, at, waiters: [{ resolve, reject }] });
      if (!this.#flushing) this.#flushing = this.#flush();
    });
  }

  async #flush(): Promise<void> {
    while (this.#pending.size > 0) {
      const batch = [...this.#pending].slice(0, MAX_BATCH);
      for (const [id] of batch) this.#pending.delete(id);
      try {
        const written = await run<{ id: number; version: number }>(
          this.pool,
          `WITH v AS (SELECT * FROM unnest($1::int8[], $2::text[], $3::timestamptz[]) AS v(id, progress, at)),
                locked AS (SELECT r.id FROM runs r JOIN v ON v.id = r.id
                           WHERE r.status = 'RUNNING' ORDER BY r.id FOR UPDATE OF r)
           UPDATE runs r SET progress = v.progress::json, last_heartbeat_at = v.at, version = r.version + 1
           FROM v, locked WHERE r.id = v.id AND locked.id = r.id
           RETURNING r.id, r.version`,
          [
            batch.map(([id]) => id),
            batch.map(([, p]) => JSON.stringify(p.progress)),
            batch.map(([, p]) => p.at),
          ],
        );
        const versions = new Map(written.map((w) => [Number(w.id), Number(w.version)]));
        for (const [id, p] of batch) for (const w of p.waiters) w.resolve(versions.get(id) ?? null);
      } catch (err) {
        for (const [, p] of batch) for (const w of p.waiters) w.reject(err);
      }
    }
    this.#flushing = null;
  }

  /** resolves once nothing is pending (close) */
  async drain(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }
}
