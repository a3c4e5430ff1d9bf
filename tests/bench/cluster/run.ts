/**
 * Cluster dispatch benchmark (`npm run bench`): completed no-op runs per second end to end (10 HTTP
 * clients enqueue through an API node, 4 jobs-worker processes run them) beside raw pg-boss doing
 * the same work on the same PostgreSQL (10 senders, 4 bare pg-boss worker processes), and the time
 * until a worker killed with -9 has its run declared stalled. PostgreSQL is the benchmark's own
 * (initdb into a temp folder, fsync off for both sides).
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PgBoss from 'pg-boss';
import { api, Nodes, waitFor } from '../../cluster/support/nodes.js';
import { TestPostgres } from '../../cluster/support/postgres.js';

const RUNS = Number(process.env.BENCH_CLUSTER_RUNS ?? 1000);
const CLIENTS = 10;
const WORKERS = 4;
const here = path.dirname(fileURLToPath(import.meta.url));

async function raw(db: TestPostgres): Promise<number> {
  const url = db.url('raw');
  await db.query('CREATE DATABASE raw');
  const boss = new PgBoss({ connectionString: url, max: CLIENTS, schedule: false, supervise: false });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue('noop');
  const workers = Array.from({ length: WORKERS }, () =>
    spawn(process.execPath, [path.join(here, 'raw-worker.mjs')], {
      env: { ...process.env, DATABASE_URL: url, QUEUE: 'noop' },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  try {
    await Promise.all(workers.map((w) => new Promise((resolve) => w.stdout!.once('data', resolve))));
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < RUNS) {
          next++;
          await boss.send('noop', {});
        }
      }),
    );
    await waitFor(
      async () => (await boss.getQueueSize('noop', { before: 'completed' })) === 0,
      600_000,
      'raw pg-boss done',
    );
    return RUNS / ((performance.now() - t0) / 1000);
  } finally {
    for (const w of workers) w.kill('SIGKILL');
    await boss.stop({ graceful: false, close: true });
  }
}

async function jobsConsole(db: TestPostgres, nodes: Nodes, isolation: 'threads' | 'inline'): Promise<number> {
  const { url } = await nodes.api(`api-${isolation}`, db.url());
  const client = api(url);
  const workers = await Promise.all(
    Array.from({ length: WORKERS }, (_, i) =>
      nodes.worker(`worker-${isolation}-${i}`, db.url(), {
        JOBS_ISOLATION: isolation,
        JOBS_WORKER_CONCURRENCY: '32',
      }),
    ),
  );
  const [first] = await db.query<{ id: string }>('SELECT coalesce(max(id), 0) AS id FROM runs');
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < RUNS) {
        next++;
        const res = await client.enqueue('noop');
        if (res.status !== 201) throw new Error(`enqueue answered ${res.status}`);
      }
    }),
  );
  const ended = await waitFor(
    async () => {
      const [row] = await db.query<{ n: string; failed: string }>(
        `SELECT count(*) AS n, count(*) FILTER (WHERE status <> 'SUCCESS') AS failed FROM runs
         WHERE id > $1 AND status IN ('SUCCESS', 'FAILED', 'CANCELLED')`,
        [Number(first!.id)],
      );
      return Number(row!.n) >= RUNS && row;
    },
    900_000,
    'jobs console done',
  );
  if (Number(ended.failed) > 0) console.log(`  (${ended.failed} of the ${RUNS} runs did not succeed)`);
  const perSecond = RUNS / ((performance.now() - t0) / 1000);
  for (const w of workers) await w.stop();
  return perSecond;
}

async function stallDetection(db: TestPostgres, nodes: Nodes): Promise<number> {
  const { url } = await nodes.api('api-stall', db.url());
  const client = api(url);
  const workers = [await nodes.worker('stall-a', db.url()), await nodes.worker('stall-b', db.url())];
  const id = (await client.enqueue('sleepy', { ms: 300_000 })).body.run.id;
  await waitFor(async () => (await client.run(id)).status === 'RUNNING', 60_000, 'running');
  const holder = await waitFor(
    () => workers.find((w) => w.lines.some((l) => l.event === 'job_started' && l.runId === id)),
    10_000,
    'holder',
  );
  holder.kill('SIGKILL');
  const t0 = performance.now();
  await waitFor(async () => (await client.run(id)).status === 'FAILED', 120_000, 'stalled');
  return (performance.now() - t0) / 1000;
}

const db = await TestPostgres.create();
const nodes = new Nodes();
try {
  const load = () => os.loadavg()[0]!.toFixed(1);
  console.log(
    `cluster dispatch benchmark: ${RUNS} no-op runs, ${CLIENTS} clients, ${WORKERS} worker processes, load ${load()}`,
  );
  const rawRate = await raw(db);
  console.log(`raw pg-boss:                         ${rawRate.toFixed(0)} jobs/s (load ${load()})`);
  const inline = await jobsConsole(db, nodes, 'inline');
  console.log(
    `Jobs Console, job code inline:       ${inline.toFixed(0)} runs/s = ${((inline / rawRate) * 100).toFixed(0)} % of raw (load ${load()})`,
  );
  // Job code in threads (the default) starts a thread per concurrent run; on 2 loaded cores that
  // phase alone takes minutes, so it runs on request.
  if (process.env.BENCH_CLUSTER_THREADS === '1') {
    const threads = await jobsConsole(db, nodes, 'threads');
    console.log(
      `Jobs Console, job code in threads:   ${threads.toFixed(0)} runs/s = ${((threads / rawRate) * 100).toFixed(0)} % of raw (load ${load()})`,
    );
  }
  const stalled = await stallDetection(db, nodes);
  console.log(
    `dead worker's run declared stalled:  ${stalled.toFixed(1)} s after kill -9 (threshold 30 s, sweep every 2 s)`,
  );
  console.log('targets: >= 50 % of raw pg-boss and >= 1,000 runs/s; stall detection <= 35 s');
} finally {
  nodes.killAll();
  db.destroy();
}
process.exit(0);
