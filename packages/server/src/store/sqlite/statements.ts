import type Database from 'better-sqlite3';

/** One connection and its prepared statements, each prepared once per SQL text. */
export class Statements {
  readonly #cache = new Map<string, Database.Statement>();
  constructor(readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let s = this.#cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.#cache.set(sql, s);
    }
    return s;
  }

  /** `fn` in one write transaction (BEGIN IMMEDIATE: a lock conflict shows at the start, not halfway). */
  write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** `fn` in one read transaction: every read in it sees the same snapshot. */
  read<T>(fn: () => T): T {
    return this.db.transaction(fn).deferred();
  }
}
