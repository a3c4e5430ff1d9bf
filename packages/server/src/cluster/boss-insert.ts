import pg from 'pg';
import type PgBoss from 'pg-boss';
import { queueOf } from './queue.js';

/** the run id the enqueue's own transaction just took from the clock row */
const RUN_ID = '(SELECT run_id FROM jobs_clock)';
/** `bossIdOf` in SQL: the pg-boss job id derived from the run id */
const BOSS_ID = `('00000000-0000-4000-8000-' || lpad(to_hex(${RUN_ID}), 12, '0'))`;
/** what `{ runId }` serialises to */
const DATA = `('{"runId":"' || ${RUN_ID} || '"}')`;

function sqlValue(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  if (v instanceof Date) return pg.escapeLiteral(v.toISOString());
  if (typeof v === 'string') return pg.escapeLiteral(v);
  return pg.escapeLiteral(JSON.stringify(v));
}

/**
 * pg-boss's own insert of a run's job as one statement with literals, so it can travel in the
 * message that commits the enqueue (with the counters and the clock row) instead of costing a
 * round trip while the clock row is held: on two busy cores that round trip, not the server's
 * work, was what every enqueue waited for. The text and values are pg-boss's (`send` is called
 * with a `db` that records them instead of running them, once per job); only the id and the data
 * are replaced, by expressions on the run id the transaction just took. A job pg-boss would not
 * create (no such queue, or the id already there) fails the statement, and with it the enqueue
 * (the message depends on the count so that PostgreSQL cannot fold it into an error at plan time).
 */
export class BossInsert {
  readonly #byJob = new Map<string, Promise<string>>();

  constructor(private readonly boss: PgBoss) {}

  statement(jobName: string): Promise<string> {
    let found = this.#byJob.get(jobName);
    if (!found) {
      found = this.#capture(jobName);
      this.#byJob.set(jobName, found);
      found.catch(() => this.#byJob.delete(jobName));
    }
    return found;
  }

  async #capture(jobName: string): Promise<string> {
    let captured: { text: string; values: unknown[] } | null = null;
    const recorder: PgBoss.Db = {
      executeSql: async (text, values) => {
        captured = { text, values: values ?? [] };
        return { rows: [{ id: 'captured' }] } as unknown as ReturnType<PgBoss.Db['executeSql']>;
      },
    };
    await this.boss.send(queueOf(jobName), { runId: '0' }, { id: BOSS_ID_PLACEHOLDER, db: recorder });
    if (!captured) throw new Error('pg-boss did not issue its insert');
    const { text, values } = captured as { text: string; values: unknown[] };
    if (!/^\s*INSERT INTO \S+\.job \(/.test(text) || values.length !== 19)
      throw new Error('pg-boss insert is not the one this code was written for (pg-boss 10.4)');
    const inlined = text.replace(/\$(\d+)/g, (_, n: string) => {
      const i = Number(n);
      if (i === 1) return BOSS_ID;
      if (i === 3) return DATA;
      return `(${sqlValue(values[i - 1])})`;
    });
    return `WITH b AS (${inlined.trim()})
      SELECT CASE WHEN count(*) = 1 THEN 0
        ELSE ('pg-boss created ' || count(*) || ' jobs for this run (is queue ' || ${pg.escapeLiteral(queueOf(jobName))} || ' created?)')::int
      END AS created FROM b`;
  }
}

const BOSS_ID_PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
