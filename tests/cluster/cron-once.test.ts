import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Node, Nodes, waitFor } from './support/nodes.js';
import { TestPostgres } from './support/postgres.js';

/**
 * Two API nodes on one PostgreSQL, both with schedules on, both carrying a job scheduled every
 * second: each tick must create one run cluster-wide, not one per node.
 */
let db: TestPostgres;
const nodes = new Nodes();
const apis: Node[] = [];

beforeAll(async () => {
  db = await TestPostgres.create();
  for (const name of ['api-1', 'api-2'])
    apis.push((await nodes.api(name, db.url(), { JOBS_SCHEDULES: 'on' })).node);
});

afterAll(() => {
  nodes.killAll();
  db?.destroy();
});

describe('cron schedules in a cluster', () => {
  it('fire once per tick across two API nodes', async () => {
    const ticks = await waitFor(
      async () => {
        const [row] = await db.query<{ runs: string; span: string }>(
          `SELECT count(*) AS runs, extract(epoch from max(queued_at) - min(queued_at)) AS span
           FROM runs WHERE job_name = 'every-second' AND trigger = 'CRON'`,
        );
        return Number(row!.runs) >= 5 && row;
      },
      30_000,
      'five scheduled runs',
    );
    // one run per second of the span (plus the first), where one per node would give twice that
    expect(Number(ticks.runs)).toBeLessThanOrEqual(Math.ceil(Number(ticks.span)) + 1);
    // both nodes fired: the later one's enqueue of a tick was a replay of the first one's
    const replays = apis.flatMap((n) => n.lines.filter((l) => l.event === 'enqueue_replayed'));
    expect(replays.length).toBeGreaterThan(0);
  });
});
