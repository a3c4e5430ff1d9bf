import pg from 'pg';

/**
 * A job's `concurrency` across the whole cluster, counted in PostgreSQL: starts of one job are
 * serialised by a transaction-scoped advisory lock on the job's name, and under it the RUNNING
 * count (the store's maintained counter, no scan) says how many slots are free. The lock is held
 * until the starts it admitted have committed, so the next node reads the new count.
 */
export class ClusterSlots {
  #client: pg.Client | null = null;

  constructor(private readonly databaseUrl: string) {}

  async #connect(): Promise<pg.Client> {
    if (this.#client) return this.#client;
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5000 });
    client.on('error', () => {
      if (this.#client === client) this.#client = null;
    });
    await client.connect();
    this.#client = client;
    return client;
  }

  /**
   * Runs `start` with the number of free slots of `jobName` (0 or more) while holding the job's
   * slot lock; `start` resolves once the runs it admitted are RUNNING (or refused).
   */
  async admit<T>(jobName: string, limit: number, start: (free: number) => Promise<T>): Promise<T> {
    const client = await this.#connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('jobs.slots:' || $1, 0))", [jobName]);
      const { rows } = await client.query<{ n: string }>(
        "SELECT coalesce(sum(n), 0) AS n FROM run_counts WHERE job_name = $1 AND status = 'RUNNING'",
        [jobName],
      );
      const out = await start(Math.max(0, limit - Number(rows[0]!.n)));
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {
        this.#client = null;
        void client.end().catch(() => {});
      });
      throw err;
    }
  }

  async close(): Promise<void> {
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }
}

/** Queued and running counts of every job with any, from the maintained counters (one small read). */
export async function activeCounts(pool: pg.Pool): Promise<Map<string, { queued: number; running: number }>> {
  const { rows } = await pool.query<{ job_name: string; status: string; n: string }>(
    `SELECT job_name, status, sum(n) AS n FROM run_counts WHERE status IN ('QUEUED', 'RUNNING')
     GROUP BY 1, 2 HAVING sum(n) > 0`,
  );
  const counts = new Map<string, { queued: number; running: number }>();
  for (const r of rows) {
    const c = counts.get(r.job_name) ?? { queued: 0, running: 0 };
    if (r.status === 'QUEUED') c.queued = Number(r.n);
    else c.running = Number(r.n);
    counts.set(r.job_name, c);
  }
  return counts;
}
