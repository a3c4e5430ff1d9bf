/**
 * Cluster dispatch benchmark (`npm run bench`): completed no-op runs per second end to end (10 HTTP
 * clients enqueue through an API node, 4 jobs-worker processes run them) beside raw pg-boss doing
 * the same work on the same PostgreSQL (10 senders, 4 bare pg-boss worker processes), and the time
 * until a worker killed with -9 has its run declared stalled. PostgreSQL is the benchmark's own
 * (initdb into a temp folder, fsync off for both sides).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
/** BENCH_CLUSTER_PROFILE=1: pg_stat_statements on, and where the Jobs Console phase spent its time */
const PROFILE = process.env.BENCH_CLUSTER_PROFILE === '1';
/** BENCH_CLUSTER_SKIP_STALL=1: no kill -9 phase (30 s of waiting) */
const SKIP_STALL = process.env.BENCH_CLUSTER_SKIP_STALL === '1';

/** Lock waits seen by sampling pg_locks every 50 ms while `work` runs: relation/kind → samples. */
async function sampleLockWaits<T>(db: TestPostgres, work: Promise<T>): Promise<[T, Map<string, number>]> {
  const waits = new Map<string, number>();
  let done = false;
  const sampler = (async () => {
    while (!done) {
      const rows = await db
        .query<{ what: string; n: string }>(
          `SELECT coalesce(l.relation::regclass::text, l.locktype) || ' ' || l.mode AS what, count(*) AS n
           FROM pg_locks l WHERE NOT l.granted GROUP BY 1`,
        )
        .catch(() => []);
      for (const r of rows) waits.set(r.what, (waits.get(r.what) ?? 0) + Number(r.n));
      // what the database's sessions are doing: working, waiting for a lock, or for their client
      const states = await db
        .query<{ what: string; n: string }>(
          `SELECT 'session ' || state || ' / ' || coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS what,
                  count(*) AS n
           FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
             AND datname = 'jobs' GROUP BY 1`,
        )
        .catch(() => []);
      for (const r of states) waits.set(r.what, (waits.get(r.what) ?? 0) + Number(r.n));
      waits.set('(samples)', (waits.get('(samples)') ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    return [await work, waits];
  } finally {
    done = true;
    await sampler;
  }
}

/** CPU time a process has used so far (user + system), from /proc */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function printProfile(db: TestPostgres, waits: Map<string, number>): Promise<void> {
  const top = await db.query<{ calls: string; total: string; mean: string; query: string }>(
    `SELECT calls, round(total_exec_time)::text AS total, round(mean_exec_time::numeric, 2)::text AS mean,
       regexp_replace(left(query, 110), '\\s+', ' ', 'g') AS query
     FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15`,
  );
  console.log('  top statements by server time (calls · total ms · mean ms · statement):');
  for (const r of top) console.log(`    ${r.calls} · ${r.total} · ${r.mean} · ${r.query}`);
  console.log('  sampled every 50 ms: lock waits, and what the sessions of the jobs database were doing:');
  for (const [what, n] of [...waits].sort((a, b) => b[1] - a[1]).slice(0, 16))
    console.log(`    ${n} × ${what}`);
}

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
  if (!PROFILE) return jobsConsolePhase(db, nodes, isolation);
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await db.query('SELECT pg_stat_statements_reset()');
  const [rate, waits] = await sampleLockWaits(db, jobsConsolePhase(db, nodes, isolation));
  await printProfile(db, waits);
  return rate;
}

async function jobsConsolePhase(
  db: TestPostgres,
  nodes: Nodes,
  isolation: 'threads' | 'inline',
): Promise<number> {
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
  const apiNode = nodes.all.find((n) => n.name === `api-${isolation}`)!;
  const cpu0 = [cpuSeconds(apiNode.pid), ...workers.map((w) => cpuSeconds(w.pid))];
  const own0 = process.cpuUsage();
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
  const enqueued = (performance.now() - t0) / 1000;
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
  const cpu = [cpuSeconds(apiNode.pid), ...workers.map((w) => cpuSeconds(w.pid))].map((c, i) => c - cpu0[i]!);
  const own = process.cpuUsage(own0);
  console.log(
    `  CPU seconds in the phase: API node ${cpu[0]!.toFixed(1)} (${((cpu[0]! / RUNS) * 1000).toFixed(1)} ms per run), workers ${cpu
      .slice(1)
      .map((c) => c.toFixed(1))
      .join(' + ')}, this benchmark process ${((own.user + own.system) / 1e6).toFixed(1)}`,
  );
  console.log(
    `  (enqueues took ${enqueued.toFixed(1)} s: ${(RUNS / enqueued).toFixed(0)}/s; all ended after ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
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

const db = await TestPostgres.create(
  PROFILE ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' } : {},
);
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
  if (!SKIP_STALL) {
    const stalled = await stallDetection(db, nodes);
    console.log(
      `dead worker's run declared stalled:  ${stalled.toFixed(1)} s after kill -9 (threshold 30 s, sweep every 2 s)`,
    );
  }
  console.log('targets: >= 50 % of raw pg-boss and >= 1,000 runs/s; stall detection <= 35 s');
} finally {
  nodes.killAll();
  db.destroy();
}
process.exit(0);
