import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { JobEvents } from '../engine/events.js';
import { JobRegistry } from '../jobs/registry.js';
import { silentLogger } from '../logger.js';
import { openPostgresStore } from '../store/postgres/open.js';
import { run as query } from '../store/postgres/pool.js';
import type { PostgresJobStore } from '../store/postgres/store.js';
import { postgresUrlFor } from '../testing/postgres.js';
import { DbClock } from './db-clock.js';
import { stallRetries } from './stall-retry.js';
import { StallSweep } from './stall-sweep.js';

const opened: PostgresJobStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close().catch(() => {});
});

const registry = new JobRegistry([
  {
    name: 'retried',
    description: 'one new attempt after a stall',
    examples: ['{}'],
    stallRetries: 1,
    run() {},
  },
  { name: 'plain', description: 'no new attempt after a stall', examples: ['{}'], run() {} },
]);

/** a worker node's sweep; `dies` plays a node that stops right after its stalled end commits */
function node(store: PostgresJobStore, dies = false): StallSweep {
  const clock = new DbClock(store.pool);
  const events = new JobEvents(silentLogger);
  const retries = stallRetries(store, registry, clock, events, silentLogger);
  return new StallSweep(store, clock, events, silentLogger, {
    stalledAfterMs: 1000,
    everyMs: 60_000,
    onStalled: dies
      ? () => Promise.reject(new Error('the node stopped before enqueuing the new attempt'))
      : (run) => retries.afterStall(run),
    ...(dies ? {} : { catchUp: () => retries.catchUp() }),
  });
}

/** a run of `jobName` that started a minute ago and has not heartbeated since */
async function silentRun(store: PostgresJobStore, jobName: string, attempt = 1): Promise<string> {
  const { run } = await store.insertRun(
    { jobName, params: { n: 1 }, trigger: 'MANUAL', triggeredBy: null, attempt },
    new Date(),
  );
  await store.startRun(run.id, new Date(Date.now() - 60_000));
  return run.id;
}

describe('a new attempt after a stall', () => {
  it('is not lost when the node that declared the run stalled stops before enqueuing it', async () => {
    const url = await postgresUrlFor(`stall_retry_${randomBytes(4).toString('hex')}`);
    const [a, b] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    opened.push(a, b);
    const retried = await silentRun(a, 'retried');
    const plain = await silentRun(a, 'plain');
    const second = await silentRun(a, 'retried', 2); // already the new attempt: no third

    // Node A declares all three stalled, then stops.
    expect(await node(a, true).sweep()).toEqual([retried]); // its first hook call failed: the pass ended
    expect(await node(a, true).sweep()).toEqual([plain]);
    expect(await node(a, true).sweep()).toEqual([second]);
    expect((await a.getRun(retried))?.status).toBe('FAILED');
    expect(await query(a.pool, 'SELECT id FROM runs WHERE retry_of IS NOT NULL')).toEqual([]);

    // Node B's sweep finds no run to declare, and enqueues the missing attempt.
    const survivor = node(b);
    expect(await survivor.sweep()).toEqual([]);
    const attempts = () =>
      query<{ retry_of: string; attempt: number; trigger: string; status: string; idempotency_key: string }>(
        b.pool,
        'SELECT retry_of::text, attempt, trigger, status, idempotency_key FROM runs WHERE retry_of IS NOT NULL',
      );
    const expected = [
      {
        retry_of: retried,
        attempt: 2,
        trigger: 'RETRY',
        status: 'QUEUED',
        idempotency_key: `stall-retry:${retried}`,
      },
    ];
    expect(await attempts()).toEqual(expected);

    // Later passes of both nodes, and a node that both declares and catches up, add none.
    await survivor.sweep();
    await node(a).sweep();
    expect(await attempts()).toEqual(expected);
  });
});
