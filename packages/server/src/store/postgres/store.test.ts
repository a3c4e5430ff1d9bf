import { randomBytes } from 'node:crypto';
import { HistoryQuery } from '@jobs/contracts';
import { hostileEntries } from '@jobs/contracts/testing';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { postgresUrlFor } from '../../testing/postgres.js';
import { cuttableProxy } from '../../testing/tcp-proxy.js';
import { StoreUnavailableError } from '../errors.js';
import { migrations } from './migrate.js';
import { openPostgresStore } from './open.js';
import { createPool } from './pool.js';
import { PostgresJobStore } from './store.js';

// Each test closes its stores: the server is shared, its connections are not ours to hoard.
const opened: PostgresJobStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close().catch(() => {});
});

/** A fresh store in a schema of its own; `nodes` stores share it, as several servers would. */
async function fresh(nodes = 1): Promise<{ url: string; stores: PostgresJobStore[] }> {
  const url = await postgresUrlFor(`store_${randomBytes(4).toString('hex')}`);
  const stores = await Promise.all(Array.from({ length: nodes }, () => openPostgresStore(url)));
  opened.push(...stores);
  return { url, stores };
}

const newRun = (jobName: string, extra: Record<string, unknown> = {}) => ({
  jobName,
  params: { n: 1 },
  trigger: 'MANUAL' as const,
  triggeredBy: null,
  ...extra,
});

/** Runs through a full life on one store: queued, started, sometimes cancel-requested, finished. */
async function life(store: PostgresJobStore, jobName: string, i: number): Promise<void> {
  const { run } = await store.insertRun(newRun(jobName, { params: { i } }), new Date());
  await store.startRun(run.id, new Date());
  if (i % 3 === 0) await store.requestCancel(run.id, new Date());
  await store.updateProgress(run.id, { percent: 50 }, new Date());
  await store.finishRun(run.id, { status: i % 2 ? 'SUCCESS' : 'FAILED', cancelWins: true }, new Date());
}

describe('many writers', () => {
  it('commits lifecycle events in seq order: a reader polling seq > cursor never skips one', async () => {
    const { stores } = await fresh(3);
    const [a, b, reader] = stores as [PostgresJobStore, PostgresJobStore, PostgresJobStore];
    let done = false;
    const seen: number[] = [];
    const polling = (async () => {
      let cursor = 0;
      while (!done || cursor < (await reader.currentSeq())) {
        const batch = await reader.eventsAfter(cursor, 1000);
        for (const e of batch) {
          // the first event after the cursor is always cursor + 1: nothing committed later can land below it
          expect(e.seq).toBe(cursor + 1);
          seen.push(e.seq);
          cursor = e.seq;
        }
      }
    })();
    const writers = [a, b, a, b, a, b].map(async (store, w) => {
      for (let i = 0; i < 25; i++) await life(store, `job${w % 2}`, w * 100 + i);
    });
    await Promise.all(writers);
    done = true;
    await polling;
    const last = await reader.currentSeq();
    expect(seen).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(last).toBe(150 * 3 + 50); // queued, started, completed for 150 runs, cancel for 50
  });

  it('answers /active with an asOfSeq that is exactly the events its runs reflect', async () => {
    const { stores } = await fresh(2);
    const [writer, reader] = stores as [PostgresJobStore, PostgresJobStore];
    let done = false;
    const snapshots: Array<Awaited<ReturnType<PostgresJobStore['active']>>> = [];
    const reading = (async () => {
      while (!done) snapshots.push(await reader.active(1000));
    })();
    await Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; i < 20; i++) await life(writer, 'j', w * 100 + i);
      }),
    );
    done = true;
    await reading;
    const events = await reader.eventsAfter(0, 10_000);
    for (const snap of snapshots) {
      const activeAt = new Map<string, string>();
      for (const e of events.filter((x) => x.seq <= snap.asOfSeq)) {
        if (e.status === 'QUEUED' || e.status === 'RUNNING') activeAt.set(e.runId, e.status);
        else activeAt.delete(e.runId);
      }
      expect(new Map(snap.runs.map((r) => [r.id, r.status]))).toEqual(activeAt);
    }
    expect(snapshots.length).toBeGreaterThan(1);
  });

  it('keeps counters equal to real counts and run ids dense after concurrent traffic', async () => {
    const { url, stores } = await fresh(2);
    await Promise.all(stores.map((s, w) => Promise.all([0, 1, 2].map((k) => life(s, `c${k}`, w * 10 + k)))));
    const [a] = stores as [PostgresJobStore];
    await a.insertRun(newRun('c0'), new Date());
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const real = await client.query(
      `SELECT r.job_name, r.status, count(*)::int AS n FROM runs r GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const kept = await client.query(
      `SELECT job_name, status, sum(n)::int AS n FROM run_counts GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2`,
    );
    const ids = await client.query(
      'SELECT min(id)::int AS lo, max(id)::int AS hi, count(*)::int AS n FROM runs',
    );
    await client.end();
    expect(kept.rows).toEqual(real.rows);
    expect(ids.rows[0]).toEqual({ lo: 1, hi: 7, n: 7 });
    expect((await a.stats(new Date())).queued).toBe(1);
  });

  it('writes the progress of many runs at once in batches, each run getting its own version', async () => {
    const [store] = (await fresh()).stores as [PostgresJobStore];
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const { run } = await store.insertRun(newRun('p'), new Date());
      await store.startRun(run.id, new Date());
      ids.push(run.id);
    }
    const stopped = ids.pop()!;
    await store.finishRun(stopped, { status: 'SUCCESS' }, new Date());
    // three rounds of 39 concurrent writes (and one to a finished run, which must change nothing)
    const rounds: Array<Array<number | null>> = [];
    for (let round = 1; round <= 3; round++)
      rounds.push(
        await Promise.all(
          [...ids, stopped].map((id) => store.updateProgress(id, { current: round }, new Date())),
        ),
      );
    for (const [i, id] of ids.entries()) {
      expect(rounds.map((r) => r[i])).toEqual([3, 4, 5]); // queued 1, started 2, then one per write
      const run = await store.getRun(id);
      expect(run).toMatchObject({ version: 5, progress: { current: 3 } });
    }
    expect(rounds.map((r) => r[ids.length])).toEqual([null, null, null]);
  });

  it('gives two nodes racing with one idempotency key one run', async () => {
    const { stores } = await fresh(2);
    const answers = await Promise.all(
      stores.flatMap((s) =>
        [1, 2, 3].map(() => s.insertRun(newRun('once', { idempotencyKey: 'key-1' }), new Date())),
      ),
    );
    expect(new Set(answers.map((x) => x.run.id)).size).toBe(1);
    expect(answers.filter((x) => !x.replayed)).toHaveLength(1);
    expect(await stores[0]!.countRuns('once')).toBe(1);
  });
});

describe('fencing', () => {
  it('a run declared stalled can no longer be written by its old attempt', async () => {
    const { stores } = await fresh();
    const store = stores[0]!;
    const { run } = await store.insertRun(newRun('zombie'), new Date());
    await store.startRun(run.id, new Date(Date.now() - 60_000));
    const stalled = await store.finishRun(
      run.id,
      { status: 'FAILED', error: { message: 'stalled', code: 'STALLED' }, heartbeatBefore: new Date() },
      new Date(),
    );
    expect(stalled?.run.status).toBe('FAILED');
    // the old attempt wakes up and tries every write it has
    expect(await store.updateProgress(run.id, { percent: 99 }, new Date())).toBeNull();
    await store.heartbeat([run.id], new Date());
    expect(
      await store.finishRun(run.id, { status: 'SUCCESS', metadata: { late: true } }, new Date()),
    ).toBeNull();
    expect(await store.requestCancel(run.id, new Date())).toBeNull();
    const after = await store.getRun(run.id);
    expect(after).toMatchObject({
      status: 'FAILED',
      version: stalled!.run.version,
      metadata: null,
      progress: null,
    });
  });

  it('a heartbeat newer than the stall threshold wins over the stalled cleanup', async () => {
    const { stores } = await fresh();
    const store = stores[0]!;
    const { run } = await store.insertRun(newRun('alive'), new Date());
    await store.startRun(run.id, new Date());
    const threshold = new Date(Date.now() - 30_000);
    await store.heartbeat([run.id], new Date());
    expect(
      await store.finishRun(run.id, { status: 'FAILED', heartbeatBefore: threshold }, new Date()),
    ).toBeNull();
  });
});

describe('schema', () => {
  it('migrates once when several nodes start at once, and refuses a newer database in one line', async () => {
    const { url, stores } = await fresh(4);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const applied = await client.query('SELECT version FROM jobs_schema ORDER BY version');
    expect(applied.rows.map((r) => r.version)).toEqual(migrations().map((m) => m.version));
    await client.query(`INSERT INTO jobs_schema (version, name) VALUES (99, '099_future.sql')`);
    await client.end();
    expect(stores).toHaveLength(4);
    const refused = await openPostgresStore(url).catch((err: Error) => err);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toMatch(/DATABASE_URL=.*schema version 99, newer than this server/);
    expect((refused as Error).message).not.toContain('\n');
  });

  it('names DATABASE_URL, without its password, when the server cannot be reached', async () => {
    const err = await openPostgresStore('postgres://me:s3cret@127.0.0.1:1/jobs').catch((e: Error) => e);
    expect((err as Error).message).toMatch(
      /^cannot reach PostgreSQL at DATABASE_URL=postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/jobs/,
    );
    expect((err as Error).message).not.toContain('s3cret');
  });
});

describe('PostgreSQL going away', () => {
  it('fails calls as StoreUnavailableError while it is away and resumes without a restart', async () => {
    const { url } = await fresh();
    const proxy = await cuttableProxy(new URL(url));
    const store = new PostgresJobStore(createPool(proxy.url, 2));
    opened.push(store);
    const { run } = await store.insertRun(newRun('before'), new Date());
    await proxy.cut();
    const failures = await Promise.all([
      store.getRun(run.id).catch((e: unknown) => e),
      store.insertRun(newRun('during'), new Date()).catch((e: unknown) => e),
      store.history(HistoryQuery.parse({})).catch((e: unknown) => e),
    ]);
    for (const f of failures) {
      expect(f).toBeInstanceOf(StoreUnavailableError);
      expect((f as StoreUnavailableError).reason).toBe('unreachable');
    }
    await proxy.restore();
    const after = await store.insertRun(newRun('after'), new Date());
    expect((await store.history(HistoryQuery.parse({}))).runs.map((r) => r.jobName)).toEqual([
      'after',
      'before',
    ]);
    expect(Number(after.run.id)).toBe(Number(run.id) + 1); // the failed insert left nothing half-written
  });
});

describe('hostile values', () => {
  // one store for every case: a store per case would hold a pool each on the shared server
  let shared: Promise<PostgresJobStore> | null = null;
  afterAll(async () => {
    await (await shared)?.close();
  });
  it.each(hostileEntries)(
    'stores %s in params, logs, errors and search exactly or inertly',
    async (_name, text) => {
      shared ??= postgresUrlFor(`hostile_${randomBytes(4).toString('hex')}`).then(openPostgresStore);
      const store = await shared;
      const params = { text, [text.slice(0, 50)]: 1 };
      // these values are written into SQL text sent with COMMIT (escaped literals): they must stay data
      const input = newRun('hostile', {
        params,
        triggeredBy: text.slice(0, 200),
        idempotencyKey: text.slice(0, 200),
      });
      const { run } = await store.insertRun(input, new Date());
      const back = await store.getRun(run.id);
      expect(back?.triggeredBy?.replaceAll('\uFFFD', '\u0000')).toBe(text.slice(0, 200));
      expect(await store.insertRun(input, new Date())).toMatchObject({ replayed: true, run: { id: run.id } });
      expect((await store.getRun(run.id))?.params).toEqual(params);
      expect(await store.getRawField(run.id, 'params')).toBe(JSON.stringify(params));
      await store.startRun(run.id, new Date());
      const line = await store.appendLog(run.id, 'info', text, new Date());
      // a log line is text (U+0000 becomes U+FFFD there) and long ones are cut with a marker
      const stored = line!.message.replaceAll('\uFFFD', '\u0000').replace(/… \[truncated\]$/, '');
      expect(text.startsWith(stored)).toBe(true);
      const done = await store.finishRun(run.id, { status: 'FAILED', error: { message: text } }, new Date());
      expect(done?.run.error?.message).toBe(text);
      const found = await store.history(HistoryQuery.parse({ q: 'params.text:x' }));
      expect(found.runs.length).toBeLessThanOrEqual(1);
    },
  );
});
