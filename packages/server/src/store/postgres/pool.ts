import pg from 'pg';
import { StoreUnavailableError, type UnavailableReason } from '../errors.js';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * A pool whose bigint columns come back as numbers (ids, seq and counters stay far below 2^53) and
 * whose calls fail fast while the server is away instead of queueing for ever. pg.Pool replaces
 * broken connections by itself, so the store resumes when PostgreSQL is back, without a restart.
 */
export function createPool(
  connectionString: string,
  max = 10,
  settings: { synchronousCommit?: boolean } = {},
): pg.Pool {
  const pool = new pg.Pool({
    connectionString:
      settings.synchronousCommit === false
        ? withOption(connectionString, '-c synchronous_commit=off')
        : connectionString,
    max,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 30_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 || oid === NUMERIC
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection dropped by the server must not crash the process: the pool discards it and
  // the next call opens a new one (or fails as unavailable while the server is down).
  pool.on('error', () => {});
  return pool;
}

/** Adds a server setting to the URL's `options` (which pg prefers over a separate `options` field). */
function withOption(connectionString: string, option: string): string {
  const url = new URL(connectionString);
  const options = url.searchParams.get('options');
  url.searchParams.set('options', options ? `${options} ${option}` : option);
  return url.toString();
}

/** Network failures and server states that pass; anything else is a bug and is thrown as is. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function reasonOf(err: unknown): UnavailableReason | null {
  if (!(err instanceof Error)) return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return 'unreachable';
    if (
      (code.startsWith('08') && code !== '08P01') ||
      code === '57P01' ||
      code === '57P02' ||
      code === '57P03'
    )
      return 'unreachable';
    // refused at connect: the database was dropped or renamed, the role or its password changed
    if (code === '3D000' || code.startsWith('28')) return 'unreachable';
    if (code === '53100') return 'full';
    if (code.startsWith('53')) return 'busy'; // too many connections, out of memory
    if (code === '40001' || code === '40P01' || code === '55P03' || code === '57014') return 'busy';
    if (code === '58030') return 'io';
  }
  if (
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable/i.test(
      err.message,
    )
  )
    return 'unreachable';
  return null;
}

/** The store's errors in the seam's terms: a storage outage is `StoreUnavailableError`. */
export function asStoreError(err: unknown): unknown {
  if (err instanceof StoreUnavailableError) return err;
  const reason = reasonOf(err);
  if (!reason) return err;
  return new StoreUnavailableError(reason, `PostgreSQL is unavailable (${(err as Error).message})`, 1, {
    cause: err,
  });
}

/** Same SQL text, same prepared statement on every connection. */
const names = new Map<string, string>();
export function named(text: string, values: unknown[]): pg.QueryConfig {
  let name = names.get(text);
  if (!name) {
    name = `jobs_${names.size + 1}`;
    names.set(text, name);
  }
  return { name, text, values };
}

export type Queryable = Pick<pg.PoolClient, 'query'>;

export async function rows<T>(db: Queryable, text: string, values: unknown[] = []): Promise<T[]> {
  return (await db.query(named(text, values))).rows as T[];
}

export async function one<T>(db: Queryable, text: string, values: unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(db, text, values))[0];
}

/** A value written into SQL text: for the statements sent together with COMMIT (no parameters there). */
export function literal(v: string | number | Date | null | readonly string[]): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  if (v instanceof Date) return `${pg.escapeLiteral(v.toISOString())}::timestamptz`;
  if (Array.isArray(v)) return `ARRAY[${v.map((x) => pg.escapeLiteral(x)).join(',')}]::text[]`;
  return pg.escapeLiteral(v as string);
}

/**
 * A lifecycle change. Its last statements touch the hot rows (counters, the clock) and are sent in
 * one message together with COMMIT, so those rows stay locked for the server's time on them, not for
 * network round trips. The commit does not wait for the disk while holding them
 * (`synchronous_commit=off` for this transaction): the locks go as soon as the commit record is in
 * the WAL buffers, and concurrent writers share disk flushes. The call still returns only once a
 * later WAL record of the same connection is flushed (a transactional logical message, committed
 * synchronously; WAL flushes in order), so what the store acknowledges is on disk.
 *
 * `fn` gets the connection and `commit(tail)`, which runs the tail statements, commits, and returns
 * the tail's results. If `fn` returns without calling it, nothing it wrote is kept.
 */
export async function change<T>(
  pool: pg.Pool,
  fn: (db: pg.PoolClient, commit: (tail: string[]) => Promise<pg.QueryResult[]>) => Promise<T>,
): Promise<T> {
  let committed = false;
  return transaction(
    pool,
    async (db) => {
      const out = await fn(db, async (tail) => {
        // The flush travels in the same message, after COMMIT (its own transaction, committed
        // synchronously): one round trip for the hot rows, the commit and the wait for the disk.
        const results = (await db.query([...tail, 'COMMIT', FLUSH].join(';\n'))) as unknown as
          | pg.QueryResult[]
          | pg.QueryResult;
        committed = true;
        return (Array.isArray(results) ? results : [results]).slice(0, tail.length);
      });
      return out;
    },
    { begin: 'BEGIN; SET LOCAL synchronous_commit TO off', committedBy: () => committed },
  );
}

/** returns once the WAL is flushed past it, and so past every earlier commit of the connection */
const FLUSH = `SELECT pg_logical_emit_message(true, 'jobs-console', 'flush')`;

/**
 * A lifecycle change that needs no answer before it commits (an enqueue without an idempotency
 * key): BEGIN, the statements, COMMIT and the flush in one message, one round trip, with the same
 * guarantees as `change`. Resolves with the statements' results.
 */
export async function changeInOneMessage(pool: pg.Pool, statements: string[]): Promise<pg.QueryResult[]> {
  let committed = false;
  return transaction(
    pool,
    async (db) => {
      const results = (await db.query(
        ['BEGIN', 'SET LOCAL synchronous_commit TO off', ...statements, 'COMMIT', FLUSH].join(';\n'),
      )) as unknown as pg.QueryResult[];
      committed = true;
      return results.slice(2, 2 + statements.length);
    },
    { begin: null, committedBy: () => committed },
  );
}

/** One transaction on one connection; a connection that broke inside it is thrown away. */
export async function transaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  /**
   * `committedBy`: `fn` commits itself (and says whether it did; if not, the transaction rolls back).
   * `begin: null`: `fn` sends BEGIN itself, in front of its first statements (one message).
   */
  mode: { begin: string | null; committedBy?: () => boolean } = { begin: 'BEGIN' },
): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    throw asStoreError(err);
  }
  let broken: Error | undefined;
  // A connection that dies while checked out emits 'error' on the client: without a listener the
  // process would crash; the failing query rejects on its own and the client is discarded below.
  const onError = (err: Error) => {
    broken = err;
  };
  client.on('error', onError);
  try {
    if (mode.begin !== null) await client.query(mode.begin);
    const out = await fn(client);
    if (!mode.committedBy) await client.query('COMMIT');
    else if (!mode.committedBy()) await client.query('ROLLBACK');
    return out;
  } catch (err) {
    if (reasonOf(err) === 'unreachable') broken = err as Error;
    else await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw asStoreError(err);
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** One statement outside a transaction, with the errors mapped. */
export async function run<T>(pool: pg.Pool, text: string, values: unknown[] = []): Promise<T[]> {
  try {
    return await rows<T>(pool, text, values);
  } catch (err) {
    throw asStoreError(err);
  }
}
