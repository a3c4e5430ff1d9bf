import type { HistoryQuery } from '@jobs/contracts';
import {
  assemblePage,
  decodeCursor,
  deepPage,
  encodeCursor,
  MAX_OFFSET,
  SEARCH_SCAN_CAP,
  SEARCH_TOTAL_CAP,
} from '../history-paging.js';
import { parseSearch } from '../search.js';
import type { HistoryPage } from '../types.js';
import { type RunRow, rowToSummary, SUMMARY_COLUMNS } from './rows.js';

export interface HistoryDeps {
  all(sql: string, args: unknown[]): unknown[];
  get(sql: string, args: unknown[]): unknown;
  /** maintained counters: runs of a job and/or status */
  countRuns(jobName?: string, status?: string): number;
}

const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

export function queryHistory(deps: HistoryDeps, q: HistoryQuery): HistoryPage {
  const search = parseSearch(q.q);
  const cursor = decodeCursor(q.cursor);
  const limit = q.pageSize;
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.jobName) {
    where.push('r.job_name = ?');
    args.push(q.jobName);
  }
  if (q.status) {
    where.push('r.status = ?');
    args.push(q.status);
  }

  if (search?.id) {
    const row = deps.get(
      `SELECT ${SUMMARY_COLUMNS} FROM runs r WHERE ${['r.id = ?', ...where].join(' AND ')}`,
      [Number(search.id), ...args],
    ) as RunRow | undefined;
    return {
      runs: row ? [rowToSummary(row)] : [],
      total: row ? 1 : 0,
      totalCapped: false,
      nextCursor: null,
      prevCursor: null,
    };
  }
  if (search?.text && search.text.length < 3) {
    return { runs: [], total: 0, totalCapped: false, nextCursor: null, prevCursor: null };
  }

  const asc = cursor?.dir === 'after';
  const cmp = asc ? '>' : '<';
  const order = asc ? 'ASC' : 'DESC';
  let offset = !cursor && q.page > 1 ? (q.page - 1) * limit : 0;

  // Where the candidate ids come from: an index over all runs, the search terms, or the error text.
  let driver: { sql: string; col: 'run_id' | 'rowid'; args: unknown[] } | null = null;
  const extra: string[] = [];
  const extraArgs: unknown[] = [];
  if (search && search.terms.length > 0) {
    driver = {
      sql: 'SELECT run_id AS id FROM run_terms WHERE term = ?',
      col: 'run_id',
      args: [search.terms[0]],
    };
    for (const term of search.terms.slice(1)) {
      extra.push('EXISTS (SELECT 1 FROM run_terms t2 WHERE t2.term = ? AND t2.run_id = r.id)');
      extraArgs.push(term);
    }
    if (search.text) {
      extra.push('r.id IN (SELECT rowid FROM run_errors WHERE run_errors MATCH ?)');
      extraArgs.push(ftsPhrase(search.text));
    }
  } else if (search?.text) {
    driver = {
      sql: 'SELECT rowid AS id FROM run_errors WHERE run_errors MATCH ?',
      col: 'rowid',
      args: [ftsPhrase(search.text)],
    };
  }

  if (!driver) {
    const conds = [...where];
    const condArgs = [...args];
    if (cursor) {
      conds.push(`r.id ${cmp} ?`);
      condArgs.push(cursor.id);
    }
    if (offset > 0 && where.length === 0) {
      // Unfiltered and dense (no gaps in ids, as runs are never deleted out of order): the row at
      // depth `offset` is the id `max - offset`, found through the primary key at any depth.
      const hi = (deps.get('SELECT max(id) AS v FROM runs', []) as { v: number | null }).v;
      const lo = (deps.get('SELECT min(id) AS v FROM runs', []) as { v: number | null }).v;
      if (hi !== null && lo !== null && hi - lo + 1 === deps.countRuns()) {
        conds.push('r.id <= ?');
        condArgs.push(hi - offset);
        offset = 0;
      }
    }
    if (offset > MAX_OFFSET) throw deepPage();
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM runs r ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}
      ORDER BY r.id ${order} LIMIT ? OFFSET ?`;
    const rows = deps.all(sql, [...condArgs, limit + 1, offset]) as RunRow[];
    return assemblePage({
      rows: rows,
      limit,
      asc,
      notFirst: Boolean(cursor) || q.page > 1,
      scanCursor: null,
      count: {
        total: deps.countRuns(q.jobName, q.status),
        capped: false,
      },
      toSummary: rowToSummary,
    });
  }

  if (offset > MAX_OFFSET) throw deepPage();
  const driverArgs = [...driver.args];
  let candidates = driver.sql;
  if (cursor) {
    candidates += ` AND ${driver.col} ${cmp} ?`;
    driverArgs.push(cursor.id);
  }
  // Ordered by the driver's own key, so the index (or FTS5) walks in order instead of sorting.
  candidates += ` ORDER BY ${driver.col} ${order} LIMIT ${SEARCH_SCAN_CAP}`;
  const filter = [...where, ...extra];
  const filterArgs = [...args, ...extraArgs];
  const rows = deps.all(
    // ORDER BY c.id (not r.id): the candidates stream in order from the co-routine; ordering by
    // the joined table's id would sort all of them in a temp B-tree first.
    `SELECT ${SUMMARY_COLUMNS} FROM (${candidates}) c CROSS JOIN runs r ON r.id = c.id
     ${filter.length ? `WHERE ${filter.join(' AND ')}` : ''} ORDER BY c.id ${order} LIMIT ? OFFSET ?`,
    [...driverArgs, ...filterArgs, limit + 1, offset],
  ) as RunRow[];
  // The scan stopped at its bound before filling the page: go on from the last candidate looked at.
  let scanCursor: string | null = null;
  if (rows.length <= limit && !asc) {
    const edge = deps.get(`SELECT count(*) AS n, min(id) AS last FROM (${candidates})`, driverArgs) as {
      n: number;
      last: number | null;
    };
    if (edge.n >= SEARCH_SCAN_CAP && edge.last !== null) scanCursor = encodeCursor('before', edge.last);
  }
  // `total` counts the matches among the first SEARCH_TOTAL_CAP candidates (all of them when none is
  // filtered out), and says when it stopped there.
  const driverCount = deps.get(
    `SELECT count(*) AS n FROM (${driver.sql} LIMIT ${SEARCH_TOTAL_CAP})`,
    driver.args,
  ) as {
    n: number;
  };
  const counted = filter.length
    ? (deps.get(
        `SELECT count(*) AS n FROM (${driver.sql} LIMIT ${SEARCH_TOTAL_CAP}) c CROSS JOIN runs r ON r.id = c.id
         WHERE ${filter.join(' AND ')}`,
        [...driver.args, ...filterArgs],
      ) as { n: number })
    : driverCount;
  return assemblePage({
    rows: rows,
    limit,
    asc,
    notFirst: Boolean(cursor) || q.page > 1,
    scanCursor: scanCursor,
    count: {
      total: counted.n,
      capped: driverCount.n >= SEARCH_TOTAL_CAP,
    },
    toSummary: rowToSummary,
  });
}
