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
import { one, type Queryable, rows } from './pool.js';
import { type PgRunRow, SUMMARY, toSummaryRow } from './rows.js';

/** Numbered parameters: `p(value)` adds one and returns its `$n`. */
function params() {
  const values: unknown[] = [];
  const p = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  return { values, p };
}

/** `ILIKE` pattern for a substring, with the pattern characters taken literally. */
const likeSubstring = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface HistoryDeps {
  db: Queryable;
  countRuns(jobName?: string, status?: string): Promise<number>;
}

/** Keyset history over `runs`: by id, newest first, through the `(filter…, id)` indexes at any depth. */
export async function queryHistory(deps: HistoryDeps, q: HistoryQuery): Promise<HistoryPage> {
  const { db } = deps;
  const search = parseSearch(q.q);
  const cursor = decodeCursor(q.cursor);
  const limit = q.pageSize;
  const filters = (p: (v: unknown) => string) => [
    ...(q.jobName ? [`r.job_name = ${p(q.jobName)}`] : []),
    ...(q.status ? [`r.status = ${p(q.status)}`] : []),
  ];

  if (search?.id) {
    const { values, p } = params();
    const where = [`r.id = ${p(Number(search.id))}`, ...filters(p)];
    const row = await one<PgRunRow>(db, `SELECT ${SUMMARY} FROM runs r WHERE ${where.join(' AND ')}`, values);
    return {
      runs: row ? [toSummaryRow(row)] : [],
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
  const notFirst = Boolean(cursor) || q.page > 1;

  if (!search || (search.terms.length === 0 && !search.text)) {
    const { values, p } = params();
    const conds = filters(p);
    const filtered = conds.length > 0;
    if (cursor) conds.push(`r.id ${cmp} ${p(cursor.id)}`);
    if (offset > 0 && !filtered) {
      // Unfiltered and dense (run ids are allocated without gaps): depth N is the id max − N.
      const edge = await one<{ hi: number | null; lo: number | null }>(
        db,
        'SELECT max(id) AS hi, min(id) AS lo FROM runs',
      );
      if (edge?.hi != null && edge.lo != null && edge.hi - edge.lo + 1 === (await deps.countRuns())) {
        conds.push(`r.id <= ${p(edge.hi - offset)}`);
        offset = 0;
      }
    }
    if (offset > MAX_OFFSET) throw deepPage();
    const found = await rows<PgRunRow>(
      db,
      `SELECT ${SUMMARY} FROM runs r ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}
       ORDER BY r.id ${order} LIMIT ${p(limit + 1)} OFFSET ${p(offset)}`,
      values,
    );
    return assemblePage({
      rows: found,
      limit,
      asc,
      notFirst: notFirst,
      scanCursor: null,
      count: {
        total: await deps.countRuns(q.jobName, q.status),
        capped: false,
      },
      toSummary: toSummaryRow,
    });
  }

  if (offset > MAX_OFFSET) throw deepPage();
  const terms = search.terms;
  const text = search.text;
  // Candidates come from the first term (in id order through its primary key), or the error text;
  // the other terms, the text and the filters are checked on each candidate.
  const [first, ...more] = terms;
  const driverOf = (p: (v: unknown) => string) =>
    first !== undefined
      ? `SELECT run_id AS id FROM run_terms WHERE term = ${p(first)}`
      : `SELECT run_id AS id FROM run_errors WHERE message ILIKE ${p(likeSubstring(text ?? ''))}`;
  const build = (p: (v: unknown) => string) => {
    const driver = driverOf(p);
    const checks: string[] = [];
    if (first !== undefined) {
      for (const term of more) {
        checks.push(`EXISTS (SELECT 1 FROM run_terms t2 WHERE t2.term = ${p(term)} AND t2.run_id = r.id)`);
      }
      if (text) {
        checks.push(
          `EXISTS (SELECT 1 FROM run_errors e2 WHERE e2.run_id = r.id AND e2.message ILIKE ${p(likeSubstring(text))})`,
        );
      }
    }
    return { driver, filter: [...filters(p), ...checks] };
  };

  const listing = params();
  const { driver, filter } = build(listing.p);
  const candidates = `${driver} ${cursor ? `AND run_id ${cmp} ${listing.p(cursor.id)}` : ''}
    ORDER BY run_id ${order} LIMIT ${SEARCH_SCAN_CAP}`;
  const found = await rows<PgRunRow>(
    db,
    `SELECT ${SUMMARY} FROM (${candidates}) c JOIN runs r ON r.id = c.id
     ${filter.length ? `WHERE ${filter.join(' AND ')}` : ''}
     ORDER BY c.id ${order} LIMIT ${listing.p(limit + 1)} OFFSET ${listing.p(offset)}`,
    listing.values,
  );
  // The scan stopped at its bound before filling the page: go on from the last candidate looked at.
  let scanCursor: string | null = null;
  if (found.length <= limit && !asc) {
    const edging = params();
    const edgeDriver = driverOf(edging.p);
    const edge = await one<{ n: number; last: number | null }>(
      db,
      `SELECT count(*)::int8 AS n, min(id) AS last FROM (${edgeDriver}
         ${cursor ? `AND run_id < ${edging.p(cursor.id)}` : ''} ORDER BY run_id DESC LIMIT ${SEARCH_SCAN_CAP}) c`,
      edging.values,
    );
    if (edge && edge.n >= SEARCH_SCAN_CAP && edge.last !== null)
      scanCursor = encodeCursor('before', edge.last);
  }
  // `total` counts the matches among the first SEARCH_TOTAL_CAP candidates and says when it stopped.
  const counting = params();
  const counted = build(counting.p);
  const totals = await one<{ n_all: number; kept: number }>(
    db,
    `SELECT count(*)::int8 AS n_all,
       count(*) FILTER (WHERE ${counted.filter.length ? counted.filter.join(' AND ') : 'true'})::int8 AS kept
     FROM (${counted.driver} LIMIT ${SEARCH_TOTAL_CAP}) c JOIN runs r ON r.id = c.id`,
    counting.values,
  );
  return assemblePage({
    rows: found,
    limit,
    asc,
    notFirst: notFirst,
    scanCursor: scanCursor,
    count: {
      total: totals?.kept ?? 0,
      capped: (totals?.n_all ?? 0) >= SEARCH_TOTAL_CAP,
    },
    toSummary: toSummaryRow,
  });
}
