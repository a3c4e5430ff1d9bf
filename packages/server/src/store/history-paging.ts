import type { JobRunSummary } from '@jobs/contracts';
import { HistoryQueryError } from './errors.js';
import type { HistoryPage } from './types.js';

// Paging rules every store follows, so that SQLite and PostgreSQL answer the same history query alike.

/** Searches look at most this many candidates per page; past it the page ends with a cursor to go on. */
export const SEARCH_SCAN_CAP = 5_000;
/** A search's `total` stops counting here (and says so with `totalCapped`). */
export const SEARCH_TOTAL_CAP = 2_000;
/** `page` without a cursor skips rows with OFFSET, which costs the depth: bounded (a cursor is not). */
export const MAX_OFFSET = 20_000;

export type Cursor = { dir: 'before' | 'after'; id: number };

export function encodeCursor(dir: Cursor['dir'], id: number): string {
  return Buffer.from(`${dir === 'before' ? 'b' : 'a'}:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  const m = /^([ab]):(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new HistoryQueryError('cursor', 'cursor is not one this server issued');
  return { dir: m[1] === 'b' ? 'before' : 'after', id: Number(m[2]) };
}

export function deepPage(): HistoryQueryError {
  return new HistoryQueryError(
    'page',
    `pages deeper than ${MAX_OFFSET} runs with a filter or search are reached with the cursor (nextCursor), not with page`,
  );
}

export interface PageInput<Row extends { id: number }> {
  /** up to `limit + 1` rows in query order; the extra one only says there is more */
  rows: Row[];
  limit: number;
  /** rows were read oldest first (paging back with an `after` cursor) */
  asc: boolean;
  /** this is not the first page (a cursor or a page number > 1 was given) */
  notFirst: boolean;
  /** where a search that hit SEARCH_SCAN_CAP goes on, when this page found fewer than `limit` */
  scanCursor: string | null;
  count: { total: number; capped: boolean };
  toSummary(row: Row): JobRunSummary;
}

/** Assembles a page: newest first, with the cursors to the pages around it. */
export function assemblePage<Row extends { id: number }>(input: PageInput<Row>): HistoryPage {
  const { limit, asc, notFirst, scanCursor, count } = input;
  const more = input.rows.length > limit;
  const kept = input.rows.slice(0, limit);
  if (asc) kept.reverse();
  const newest = kept[0];
  const oldest = kept[kept.length - 1];
  const nextCursor = asc
    ? oldest
      ? encodeCursor('before', oldest.id)
      : null
    : more && oldest
      ? encodeCursor('before', oldest.id)
      : scanCursor;
  const prevCursor = asc
    ? more && newest
      ? encodeCursor('after', newest.id)
      : null
    : notFirst && newest
      ? encodeCursor('after', newest.id)
      : null;
  return {
    runs: kept.map(input.toSummary),
    total: count.total,
    totalCapped: count.capped,
    nextCursor,
    prevCursor,
  };
}
