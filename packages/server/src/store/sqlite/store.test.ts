import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HistoryQuery } from '@jobs/contracts';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteJobStore } from '../../index.js';
import { HistoryQueryError } from '../errors.js';
import { SEARCH_SCAN_CAP } from '../history-paging.js';
import { parseSearch, termsOf } from '../search.js';
import { importFinishedRuns } from './bulk-import.js';
import { MAX_LOG_LINES } from './store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'jobs-store-'));
const file = path.join(dir, 'jobs.db');
let store: SqliteJobStore;
const ids: string[] = [];
const q = (query: Record<string, unknown>) => store.history(HistoryQuery.parse(query));
/** A second, raw connection to the file: what is really stored, whatever the store says. */
const raw = (at = file) => new Database(at);

beforeAll(async () => {
  store = new SqliteJobStore(file);
  const now = new Date();
  for (let i = 0; i < 250; i++) {
    const { run } = await store.insertRun(
      {
        jobName: i % 2 ? 'odd' : 'even',
        params: { userId: i % 10, tag: `T${i}` },
        trigger: 'MANUAL',
        triggeredBy: null,
      },
      now,
    );
    ids.push(run.id);
    if (i % 5 === 0) {
      await store.startRun(run.id, now);
      await store.finishRun(
        run.id,
        { status: i % 3 ? 'SUCCESS' : 'FAILED', error: i % 3 ? null : { message: `disk ${i} full` } },
        now,
      );
    }
  }
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('history', () => {
  it('keeps totals in counters that match a real count', async () => {
    const db = raw();
    const count = (where: string) =>
      (db.prepare(`SELECT count(*) AS n FROM runs ${where}`).get() as { n: number }).n;
    expect((await q({})).total).toBe(count(''));
    expect((await q({ jobName: 'odd' })).total).toBe(count(`WHERE job_name = 'odd'`));
    expect((await q({ status: 'FAILED' })).total).toBe(count(`WHERE status = 'FAILED'`));
    expect((await q({ jobName: 'even', status: 'QUEUED' })).total).toBe(
      count(`WHERE job_name = 'even' AND status = 'QUEUED'`),
    );
    db.close();
  });

  it('finds the same page by page number and by cursor, with and without filters', async () => {
    for (const filter of [{}, { jobName: 'odd' }, { status: 'QUEUED' }]) {
      let cursor: string | null = null;
      for (let page = 1; page <= 4; page++) {
        const byCursor = await q({ ...filter, pageSize: 30, ...(cursor ? { cursor } : {}) });
        const byPage = await q({ ...filter, pageSize: 30, page });
        expect(byPage.runs.map((r) => r.id)).toEqual(byCursor.runs.map((r) => r.id));
        cursor = byCursor.nextCursor;
      }
    }
    const all = await q({ pageSize: 200 });
    expect(all.runs.map((r) => r.id)).toEqual([...ids].reverse().slice(0, 200));
    const last = await q({ pageSize: 200, cursor: all.nextCursor });
    expect(last.runs).toHaveLength(50);
    expect(last.nextCursor).toBeNull();
    const back = await q({ pageSize: 200, cursor: last.prevCursor });
    expect(back.runs.map((r) => r.id)).toEqual(all.runs.map((r) => r.id));
  });

  it('refuses a deep page without a cursor only where it would cost the depth', async () => {
    await expect(q({ jobName: 'odd', page: 100_000 })).rejects.toThrow(HistoryQueryError);
    expect((await q({ page: 100_000 })).runs).toEqual([]); // unfiltered: found by id arithmetic
  });

  it('searches params, metadata, error text and ids, bounded', async () => {
    const byUser = await q({ q: 'params.userId:3', pageSize: 200 });
    expect(byUser.total).toBe(25);
    expect(byUser.runs.every((r) => r.params?.userId === 3)).toBe(true);
    const both = await q({ q: 'params.userId:3 params.tag:T13' });
    expect(both.runs.map((r) => r.id)).toEqual([ids[13]]);
    const byError = await q({ q: 'disk 15 full' });
    expect(byError.runs.map((r) => r.id)).toEqual([ids[15]]);
    expect((await q({ q: `#${ids[7]}` })).runs.map((r) => r.id)).toEqual([ids[7]]);
    expect((await q({ q: 'zz' })).runs).toEqual([]);
  });
});

describe('bounded search', () => {
  it('stops a page at the scan bound and hands back a cursor that finds the rest', async () => {
    const bulkFile = path.join(dir, 'bulk.db');
    const now = new Date();
    const rows = Array.from({ length: SEARCH_SCAN_CAP + 100 }, (_, i) => ({
      jobName: i === 0 ? 'rare' : 'common',
      status: 'SUCCESS' as const,
      trigger: 'MANUAL' as const,
      triggeredBy: null,
      params: { tenant: 'acme' },
      queuedAt: now.getTime() - 1000 + i,
      startedAt: now.getTime(),
      finishedAt: now.getTime(),
    }));
    importFinishedRuns(bulkFile, rows);
    const s = new SqliteJobStore(bulkFile);
    const first = await s.history(HistoryQuery.parse({ q: 'params.tenant:acme', jobName: 'rare' }));
    expect(first.runs).toEqual([]);
    expect(first.nextCursor).not.toBeNull(); // nothing yet in the first 5,000 candidates, but not the end
    const next = await s.history(
      HistoryQuery.parse({ q: 'params.tenant:acme', jobName: 'rare', cursor: first.nextCursor }),
    );
    expect(next.runs.map((r) => r.jobName)).toEqual(['rare']);
    await s.close();
  });
});

describe('search terms', () => {
  it('indexes nested scalars, lowercased, and parses qualifiers', () => {
    expect(termsOf('params', { userId: 8, user: { email: 'A@B.io' }, list: [1] })).toEqual([
      'params.userId=8',
      'params.user.email=a@b.io',
    ]);
    expect(parseSearch('params.userId:8 metadata.ok:true disk full')).toEqual({
      id: null,
      terms: ['params.userId=8', 'metadata.ok=true'],
      text: 'disk full',
    });
    expect(parseSearch(' #12847 ')).toEqual({ id: '12847', terms: [], text: null });
  });
});

describe('schema, logs and stats', () => {
  it('migrates once: reopening keeps the data; a newer schema is refused', async () => {
    const again = new SqliteJobStore(file);
    const db = raw();
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect((db.prepare('SELECT sum(n) AS n FROM run_counts').get() as { n: number }).n).toBe(250);
    db.pragma('user_version = 99');
    db.close();
    await again.close();
    expect(() => new SqliteJobStore(file)).toThrow(/newer than this server/);
    const fix = raw();
    fix.pragma('user_version = 2');
    fix.close();
  });

  it('caps a run at MAX_LOG_LINES with one marker line', async () => {
    const id = ids[1]!;
    for (let i = 0; i < MAX_LOG_LINES + 5; i++) await store.appendLog(id, 'info', `l${i}`, new Date());
    const { lines } = await store.logs(id, MAX_LOG_LINES - 1, 10);
    expect(lines.map((l) => l.seq)).toEqual([MAX_LOG_LINES, MAX_LOG_LINES + 1]);
    expect(lines[1]!.message).toMatch(/log limit/);
    const long = await store.appendLog(ids[2]!, 'info', 'x'.repeat(20_000), new Date());
    expect(long!.message.endsWith('… [truncated]')).toBe(true);
  });

  it('counts the last 24 hours from per-minute counters', async () => {
    const before = await store.stats(new Date());
    const old = new Date(Date.now() - 25 * 3600_000);
    const { run } = await store.insertRun(
      { jobName: 'even', params: {}, trigger: 'CRON', triggeredBy: null },
      old,
    );
    await store.startRun(run.id, old);
    await store.finishRun(run.id, { status: 'SUCCESS' }, old);
    const after = await store.stats(new Date());
    expect(after.last24h).toEqual(before.last24h);
    expect(after.queued).toBe(before.queued);
  });
});
