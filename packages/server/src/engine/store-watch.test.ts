import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { gates } from '../testing/jobs.js';
import { sleep, startTestServer, waitFor } from '../testing/server.js';

describe('store watch', () => {
  it('dispatches a run again whose start could not be written, once the store answers (no restart)', async () => {
    let lock: Database.Database | null = null;
    let blockedId: string | null = null;
    const t = await startTestServer({
      concurrency: 1,
      redispatchEveryMs: 100,
      storeOptions: { busyTimeoutMs: 5, busyRetryMs: 50 },
      // The moment the first run's end is written, another connection takes the write lock: the
      // next run's start (QUEUED → RUNNING), handed over in the same tick, cannot be written.
      logger: {
        debug() {},
        warn() {},
        error() {},
        info(fields) {
          if (fields.event === 'job_completed' && fields.runId === blockedId && !lock) {
            lock = new Database(t.dbPath);
            lock.prepare('BEGIN IMMEDIATE').run();
            lock.prepare(`UPDATE meta SET value = value WHERE key = 'event_seq'`).run();
          }
        },
      },
    });
    try {
      const first = await t.enqueue('gated');
      blockedId = first.id;
      await waitFor(() => gates.has(first.id));
      const next = await t.enqueue('quick');
      expect(next.status).toBe('QUEUED');
      gates.get(first.id)!({});
      await waitFor(() => lock !== null);
      await sleep(300); // its start failed; several sweeps found the store still locked
      expect((await t.api('GET', `/${next.id}`)).body.run.status).toBe('QUEUED');
      const held = lock as Database.Database | null;
      held?.prepare('ROLLBACK').run();
      held?.close();
      await t.waitForStatus(next.id, 'SUCCESS', 5000);
    } finally {
      await t.close();
    }
  });
});
