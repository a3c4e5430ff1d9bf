import { ApiError, BulkCancelUnavailable, BulkEnqueueUnavailable } from '@jobs/contracts';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/server.js';

/**
 * The SQLite file locked by another connection (a second writer, as another process would be):
 * the API answers 503 + Retry-After instead of hanging or failing with 500, reads and health
 * checks go on, and everything works again once the lock is gone.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ storeOptions: { busyTimeoutMs: 5, busyRetryMs: 100 } });
});
afterAll(async () => {
  await t.close();
});

function holdWriteLock(file: string): () => void {
  const other = new Database(file);
  other.prepare('BEGIN IMMEDIATE').run();
  other.prepare(`UPDATE meta SET value = value WHERE key = 'event_seq'`).run();
  return () => {
    other.prepare('ROLLBACK').run();
    other.close();
  };
}

describe('a locked database', () => {
  it('answers 503 ApiError with Retry-After, keeps health and reads up, and recovers without a restart', async () => {
    const before = await t.enqueue('quick');
    await t.waitForStatus(before.id, 'SUCCESS');
    const waiting = await t.enqueue('waits', { ms: 10_000 });
    await t.waitForStatus(waiting.id, 'RUNNING');
    const release = holdWriteLock(t.dbPath);
    try {
      const refused = await t.api('POST', '/enqueue', { jobName: 'quick' });
      expect(refused.status).toBe(503);
      expect(ApiError.parse(refused.body)).toMatchObject({ error: 'Service unavailable', retryable: true });
      expect(refused.headers.get('retry-after')).toBe('1');

      const bulk = await t.api('POST', '/bulk/enqueue', {
        items: [{ jobName: 'quick' }, { jobName: 'quick' }, { jobName: 'quick' }],
      });
      expect(bulk.status).toBe(503);
      expect(bulk.headers.get('retry-after')).toBe('1');
      const { results } = BulkEnqueueUnavailable.parse(bulk.body);
      expect(results.map((r) => r.ok)).toEqual([false, false, false]); // exactly none was created

      const cancels = await t.api('POST', '/bulk/cancel', { ids: [waiting.id, before.id] });
      expect(cancels.status).toBe(503);
      expect(BulkCancelUnavailable.parse(cancels.body).results).toEqual([
        { id: waiting.id, ok: false, error: expect.stringContaining('Store unavailable') },
        { id: before.id, ok: false, error: expect.stringContaining('Not tried') },
      ]);

      expect((await fetch(`${t.server.url}/healthz`)).status).toBe(200);
      const read = await t.api('GET', `/${before.id}`);
      expect(read.status).toBe(200); // WAL: readers never wait for the writer
      expect((await t.api('GET', '/history?pageSize=5')).status).toBe(200);
    } finally {
      release();
    }
    expect((await t.api('POST', '/bulk/cancel', { ids: [waiting.id] })).status).toBe(200);
    await t.waitForStatus(waiting.id, 'CANCELLED');
    const after = await t.api('POST', '/enqueue', { jobName: 'quick' });
    expect(after.status).toBe(201);
    await t.waitForStatus(after.body.run.id, 'SUCCESS');
  });
});
