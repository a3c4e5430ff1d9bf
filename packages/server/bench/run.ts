/**
 * `npm run bench -w @jobs/server`: figures, not a test. For each store (BENCH_STORES, default
 * `sqlite,postgres`) it seeds BENCH_RUNS (default 1,000,000) runs through the store's bulk path,
 * starts the real server on it and measures the API over HTTP on loopback, the enqueue rate,
 * progress writes, the lifecycle-event ceiling and latency to 10 sockets; then prints both stores
 * side by side. PostgreSQL gets a database of its own (`jobs_bench_<pid>`) on BENCH_POSTGRES_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres), dropped at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { API_BASE, HistoryQuery, JOB_EVENT, searchParamsToObject } from '@jobs/contracts';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { defineJob, demoJobs, startJobsServer } from '../src/index.js';
import { encodeCursor } from '../src/store/history-paging.js';
import { importFinishedRunsPg } from '../src/store/postgres/bulk-import.js';
import { openPostgresStore } from '../src/store/postgres/open.js';
import { type ImportedRun, importFinishedRuns } from '../src/store/sqlite/bulk-import.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 1_000_000);
const TOKEN = 'bench-token';
const JOBS = demoJobs.map((job) => job.name);
const ERRORS = [
  'Database timeout while writing batch 3/5',
  'Object storage unavailable',
  'Unsupported codec h265',
];

const STORES = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',').map((s) => s.trim()) as Array<
  'sqlite' | 'postgres'
>;
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = `jobs_bench_${process.pid}`;

const dir = mkdtempSync(path.join(tmpdir(), 'jobs-bench-'));
const dbPath = path.join(dir, 'jobs.db');
/** figures by row label, per store, in the order first measured */
const table = new Map<string, { target: string; figures: Partial<Record<'sqlite' | 'postgres', string>> }>();
let current: 'sqlite' | 'postgres' = 'sqlite';
const row = (label: string, figure: string, target: string) => {
  const entry = table.get(label) ?? { target, figures: {} };
  entry.figures[current] = figure;
  table.set(label, entry);
  console.log(`[${current}] ${label} | ${figure} | ${target}`);
};

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function benchDatabaseUrl(): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
}
const ms = (n: number) => n.toFixed(2);

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: sorted.length };
}

// ─── Seed ──────────────────────────────────────────────────────────────────
function* seedRuns(count: number): Generator<ImportedRun> {
  const now = Date.now();
  const span = 30 * 24 * 3600_000; // a month of history, oldest first
  for (let i = 0; i < count; i++) {
    const queuedAt = now - span + Math.floor((i / count) * span);
    const roll = i % 100;
    const status = roll < 8 ? 'FAILED' : roll < 12 ? 'CANCELLED' : 'SUCCESS';
    const duration = 500 + (i % 7) * 900;
    yield {
      jobName: JOBS[i % JOBS.length]!,
      status,
      trigger: i % 10 === 0 ? 'CRON' : i % 25 === 0 ? 'EVENT' : 'MANUAL',
      triggeredBy: i % 10 === 0 ? 'cron:*/2 * * * *' : 'admin@example.com',
      params: { userId: i % 5000, batchSize: 100 },
      metadata: status === 'SUCCESS' ? { usersProcessed: 1250, batches: 13 } : null,
      error: status === 'FAILED' ? { message: ERRORS[i % ERRORS.length]!, code: 'E_BENCH' } : null,
      queuedAt,
      startedAt: queuedAt + 20,
      finishedAt: queuedAt + 20 + duration,
    };
  }
}

/** The fields the benchmark reads from answers. */
interface Answer {
  run: { id: string; status: string; metadata: { calls: number } };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function main() {
  console.log(
    `# @jobs/server benchmark — ${RUNS.toLocaleString('en')} runs, node ${process.version}, load ${load()}\n`,
  );
  for (const kind of STORES) {
    current = kind;
    await suite(kind);
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`\nload average at the end: ${load()}`);
  const columns = STORES.map((k) => (k === 'sqlite' ? 'SQLite' : 'PostgreSQL'));
  console.log(`\n| what | ${columns.join(' | ')} | target |\n|---|${columns.map(() => '---|').join('')}---|`);
  for (const [label, { target, figures }] of table) {
    console.log(`| ${label} | ${STORES.map((k) => figures[k] ?? '—').join(' | ')} | ${target} |`);
  }
}

async function suite(kind: 'sqlite' | 'postgres') {
  let databaseUrl: string | undefined;
  let t0 = performance.now();
  let seeded: number;
  if (kind === 'postgres') {
    await adminQuery(`DROP DATABASE IF EXISTS ${BENCH_DB}`);
    await adminQuery(`CREATE DATABASE ${BENCH_DB}`);
    databaseUrl = benchDatabaseUrl();
    await (await openPostgresStore(databaseUrl)).close(); // migrated
    t0 = performance.now();
    seeded = await importFinishedRunsPg(databaseUrl, seedRuns(RUNS));
  } else {
    seeded = importFinishedRuns(dbPath, seedRuns(RUNS));
  }
  const seedMs = performance.now() - t0;
  row(
    'seed (bulk path: SQLite one transaction; PostgreSQL unnest batches of 5,000)',
    `${seeded.toLocaleString('en')} runs in ${(seedMs / 1000).toFixed(1)} s (${Math.round(seeded / (seedMs / 1000)).toLocaleString('en')}/s)`,
    'quick',
  );

  const holds = new Map<string, () => void>();
  const server = await startJobsServer({
    token: TOKEN,
    dbPath,
    databaseUrl,
    port: 0,
    logger: false,
    schedules: false,
    concurrency: 64,
    jobs: [
      defineJob({
        name: 'noop',
        description: 'returns at once',
        examples: ['noop'],
        concurrency: 64,
        run: async () => ({ ok: true }),
      }),
      defineJob({
        name: 'hold',
        description: 'runs until released',
        examples: ['hold'],
        concurrency: 64,
        run: (ctx) =>
          new Promise<{ held: boolean }>((resolve) => holds.set(ctx.runId, () => resolve({ held: true }))),
      }),
      defineJob({
        name: 'spam',
        description: 'calls progress in a tight loop',
        examples: ['spam'],
        async run(ctx) {
          const until = Date.now() + 1000;
          let calls = 0;
          while (Date.now() < until) {
            for (let i = 0; i < 1000; i++)
              ctx.progress({ percent: (calls++ % 100) + 0, message: `tick ${calls}` });
            await new Promise((r) => setImmediate(r));
          }
          return { calls };
        },
      }),
    ],
  });
  const base = `${server.url}${API_BASE}`;
  const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const get = async (route: string, retry = true): Promise<Answer> => {
    // A keep-alive socket can be closed by the server while a long store-level loop held the event
    // loop; a real client would retry once too.
    const res = await fetch(`${base}${route}`, { headers }).catch((err) => {
      if (retry) return null;
      throw err;
    });
    if (res === null) return get(route, false);
    if (res.status !== 200) throw new Error(`${route}: ${res.status} ${await res.text()}`);
    return res.json();
  };

  const store = server.store;
  /** The query alone (store call, same process), then the whole HTTP round trip on loopback. */
  async function measure(label: string, route: string, target: string, count = 300) {
    const query = new URL(route, 'http://x').searchParams;
    const direct = route.startsWith('/stats')
      ? () => store.stats(new Date())
      : route.startsWith('/active')
        ? () => store.active(1000)
        : () => store.history(HistoryQuery.parse(searchParamsToObject(query)));
    const time = async (fn: () => Promise<unknown>) => {
      for (let i = 0; i < 20; i++) await fn();
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < count; i++) {
        const start = performance.now();
        const cpu0 = process.cpuUsage();
        await fn();
        const used = process.cpuUsage(cpu0);
        wall.push(performance.now() - start);
        cpu.push((used.user + used.system) / 1000);
      }
      return { wall: percentiles(wall), cpu: percentiles(cpu) };
    };
    const q = await time(direct);
    const h = await time(() => get(route));
    row(
      label,
      `query p50 ${ms(q.wall.p50)} · p95 ${ms(q.wall.p95)} ms (CPU p95 ${ms(q.cpu.p95)}); HTTP p50 ${ms(h.wall.p50)} · p95 ${ms(h.wall.p95)} ms`,
      target,
    );
  }

  const depth = Math.min(900_000, Math.floor(RUNS * 0.9));
  const deep = encodeCursor('before', RUNS - depth + 1); // ids are dense from 1 in both stores
  const deepPage = Math.floor(depth / 50) + 1;
  await measure('history page 1 (pageSize 50)', '/history?pageSize=50', 'p95 ≤ 5 ms');
  await measure(
    `history at depth ${depth / 1000}k (cursor)`,
    `/history?pageSize=50&cursor=${deep}`,
    'p95 ≤ 5 ms',
  );
  await measure(
    `history at depth ${depth / 1000}k (page=${deepPage}, no cursor)`,
    `/history?pageSize=50&page=${deepPage}`,
    'p95 ≤ 5 ms',
  );
  await measure('history filtered by status=FAILED, page 1', '/history?status=FAILED', 'p95 ≤ 10 ms');
  await measure(
    `history filtered by status=FAILED, depth ${depth / 1000}k (cursor)`,
    `/history?status=FAILED&cursor=${deep}`,
    'p95 ≤ 10 ms',
  );
  await measure('history filtered by job, page 1', '/history?jobName=match-scores', 'p95 ≤ 10 ms');
  await measure(
    `history filtered by job, depth ${depth / 1000}k (cursor)`,
    `/history?jobName=match-scores&cursor=${deep}`,
    'p95 ≤ 10 ms',
  );
  await measure(
    'history filtered by job + status, page 1',
    '/history?jobName=match-scores&status=SUCCESS',
    'p95 ≤ 10 ms',
  );
  await measure('stats', '/stats', 'p95 ≤ 5 ms');
  await measure('search q=params.userId:4242', '/history?q=params.userId:4242', 'p95 ≤ 10 ms');
  await measure(
    'search q=params.userId:4242 + status=FAILED',
    '/history?q=params.userId:4242&status=FAILED',
    'p95 ≤ 10 ms',
  );
  await measure('search q=timeout (error text)', '/history?q=timeout', '—', 100);
  await measure('active', '/active', '—');

  // ─── Enqueue rate ────────────────────────────────────────────────────────
  // The HTTP client runs in a worker thread, as a real client runs elsewhere: the server's event loop
  // is not also parsing the client's answers. Each enqueued run also executes (a no-op job).
  const enqueued = async (count: number, concurrency: number) => {
    const ms = await enqueueFromWorker(`${base}/enqueue`, TOKEN, count, concurrency);
    return Math.round(count / (ms / 1000)).toLocaleString('en');
  };
  row(
    'enqueue over HTTP, 1 client, sequential (each run also executes)',
    `${await enqueued(3000, 1)}/s`,
    '≥ 1,000/s',
  );
  row('enqueue over HTTP, 10 concurrent clients', `${await enqueued(3000, 10)}/s`, '≥ 1,000/s');
  await new Promise((r) => setTimeout(r, 500));
  {
    const n = 3000;
    const cpu0 = process.cpuUsage();
    t0 = performance.now();
    for (let i = 0; i < n; i++) {
      await server.service.enqueue(
        { jobName: 'noop', params: { userId: 1 } },
        { trigger: 'MANUAL', triggeredBy: null },
      );
    }
    const wall = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 300)); // the last runs finish
    const used = process.cpuUsage(cpu0);
    const cpuPerRun = (used.user + used.system) / 1000 / n;
    row(
      'enqueue in-process (JobsService, no HTTP)',
      `${Math.round(n / (wall / 1000)).toLocaleString('en')}/s; CPU ${cpuPerRun.toFixed(2)} ms per run incl. its execution (≈ ${Math.round(1000 / cpuPerRun).toLocaleString('en')}/s per free core)`,
      '≥ 1,000/s',
    );
  }

  // ─── Progress writes ─────────────────────────────────────────────────────
  const held = await (
    await fetch(`${base}/enqueue`, { method: 'POST', headers, body: JSON.stringify({ jobName: 'hold' }) })
  ).json();
  while (!holds.has(held.run.id)) await new Promise((r) => setTimeout(r, 5));
  let writes = 0;
  t0 = performance.now();
  while (performance.now() - t0 < 2000) {
    await store.updateProgress(
      held.run.id,
      { percent: writes % 100, message: `Processing batch ${writes}` },
      new Date(),
    );
    writes++;
  }
  const secs = (performance.now() - t0) / 1000;
  row(
    'progress writes, one run, one write after another (store)',
    `${Math.round(writes / secs).toLocaleString('en')}/s`,
    '—',
  );
  holds.get(held.run.id)!();
  {
    // Progress as the runner writes it: coalesced to one write per run per 100 ms, so the load is
    // many running runs writing at once (here 50 runs, each writing as fast as its last write returns).
    const heldRuns: string[] = [];
    for (let i = 0; i < 50; i++) {
      const r = await (
        await fetch(`${base}/enqueue`, { method: 'POST', headers, body: JSON.stringify({ jobName: 'hold' }) })
      ).json();
      heldRuns.push(r.run.id);
    }
    while (!heldRuns.every((id) => holds.has(id))) await new Promise((r) => setTimeout(r, 5));
    let total = 0;
    const started = performance.now();
    await Promise.all(
      heldRuns.map(async (id) => {
        let k = 0;
        while (performance.now() - started < 2000) {
          await store.updateProgress(id, { percent: k % 100, message: `batch ${k++}` }, new Date());
          total++;
        }
      }),
    );
    const took = (performance.now() - started) / 1000;
    row(
      'progress writes, 50 running runs at once (store)',
      `${Math.round(total / took).toLocaleString('en')}/s`,
      '≥ 5,000/s',
    );
    for (const id of heldRuns) holds.get(id)!();
  }
  {
    // The ceiling of lifecycle events: 16 writers taking runs through queued → started → finished
    // straight on the store (3 events per run), no HTTP and no job code.
    const seq0 = await store.currentSeq();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (performance.now() - started < 3000) {
          const { run } = await store.insertRun(
            { jobName: 'noop', params: {}, trigger: 'MANUAL', triggeredBy: null },
            new Date(),
          );
          if (await store.startRun(run.id, new Date()))
            await store.finishRun(run.id, { status: 'SUCCESS' }, new Date());
        }
      }),
    );
    const took = (performance.now() - started) / 1000;
    row(
      'lifecycle events/s, 16 writers on the store (queued, started, finished)',
      `${Math.round(((await store.currentSeq()) - seq0) / took).toLocaleString('en')}/s`,
      '—',
    );
  }

  const enqueue = () =>
    fetch(`${base}/enqueue`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ jobName: 'noop', params: { userId: 1 } }),
    });

  // ─── Lifecycle latency to 10 sockets ─────────────────────────────────────
  const sockets: Socket[] = [];
  for (let i = 0; i < 10; i++) {
    const s = io(server.url, { auth: { token: TOKEN }, transports: ['websocket'], forceNew: true });
    await new Promise<void>((resolve) => s.once('connect', () => resolve()));
    sockets.push(s);
  }
  const latencies: number[] = [];
  const progressSeen = { events: 0 };
  for (const s of sockets) {
    for (const name of [JOB_EVENT.queued, JOB_EVENT.started, JOB_EVENT.completed]) {
      s.on(name, (event: { at: string }) => latencies.push(Date.now() - Date.parse(event.at)));
    }
    s.on(JOB_EVENT.progress, () => progressSeen.events++);
  }
  const spam = await (
    await fetch(`${base}/enqueue`, { method: 'POST', headers, body: JSON.stringify({ jobName: 'spam' }) })
  ).json();
  for (let i = 0; i < 200; i++) {
    await enqueue();
    await new Promise((r) => setTimeout(r, 5));
  }
  let spamRun = (await get(`/${spam.run.id}`)).run;
  while (spamRun.status !== 'SUCCESS') {
    await new Promise((r) => setTimeout(r, 50));
    spamRun = (await get(`/${spam.run.id}`)).run;
  }
  await new Promise((r) => setTimeout(r, 300));
  const lat = percentiles(latencies);
  row(
    'lifecycle event latency, emit → 10 sockets',
    `p50 ${lat.p50} ms · p95 ${lat.p95} ms · p99 ${lat.p99} ms (${lat.n} deliveries)`,
    '—',
  );
  row(
    'progress coalescing (1 s of ctx.progress in a tight loop)',
    `${Number(spamRun.metadata.calls).toLocaleString('en')} calls → ${progressSeen.events / 10} events per socket`,
    '≤ 1 per 100 ms',
  );

  for (const s of sockets) s.disconnect();
  await server.close();
  if (kind === 'postgres') await adminQuery(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
}

/** Sends `count` enqueues from a worker thread with `concurrency` in flight; resolves with the ms taken. */
function enqueueFromWorker(url: string, token: string, count: number, concurrency: number): Promise<number> {
  const code = `
    const { parentPort, workerData: w } = require('node:worker_threads');
    const body = JSON.stringify({ jobName: 'noop', params: { userId: 1 } });
    const headers = { authorization: 'Bearer ' + w.token, 'content-type': 'application/json' };
    const one = () => fetch(w.url, { method: 'POST', headers, body }).then((r) => r.text());
    (async () => {
      for (let i = 0; i < 50; i++) await one();
      const t0 = performance.now();
      await Promise.all(Array.from({ length: w.concurrency }, async () => {
        for (let i = 0; i < w.count / w.concurrency; i++) await one();
      }));
      parentPort.postMessage(performance.now() - t0);
    })();`;
  const worker = new Worker(code, { eval: true, workerData: { url, token, count, concurrency } });
  return new Promise((resolve, reject) => {
    worker.once('message', (ms: number) => {
      void worker.terminate();
      resolve(ms);
    });
    worker.once('error', reject);
  });
}

main().catch(async (err) => {
  console.error(err);
  rmSync(dir, { recursive: true, force: true });
  if (STORES.includes('postgres'))
    await adminQuery(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`).catch(() => {});
  process.exit(1);
});
