/**
 * `npm run bench:fanout -w @jobs/server`: figures, not a test. Progress from a run executing on
 * node A (JOBS_ROLE=all: API + worker, job code in worker threads) to a socket client connected to
 * node B (JOBS_ROLE=api), both real processes on one PostgreSQL database and one Redis channel:
 * BENCH_FANOUT_RUNS runs (default 100) each report progress every 100 ms (1,000 events/s in all)
 * for BENCH_FANOUT_SECONDS (default 40, so that the start's backlog does not dominate). Each
 * value carries the time it was reported; the client takes the difference on arrival. Prints
 * p50/p95/p99/max over the time all runs report, the second half's p95, the rate delivered on
 * node B and the store's progress-write ceiling measured just before.
 * The database (`jobs_bench_fanout_<pid>`) is created on BENCH_POSTGRES_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) and dropped at the end; Redis is REDIS_URL (default
 * redis://127.0.0.1:6379) under a channel prefix of its own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_BASE, JOB_EVENT } from '@jobs/contracts';
import pg from 'pg';
import { io } from 'socket.io-client';
import { openPostgresStore } from '../src/store/postgres/open.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_FANOUT_RUNS ?? 100);
const SECONDS = Number(process.env.BENCH_FANOUT_SECONDS ?? 40);
const ADMIN = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TOKEN = 'bench-fanout-token-0123456789';
const dbName = `jobs_bench_fanout_${process.pid}`;
const children: ChildProcess[] = [];

function node(name: string, env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [path.join(here, '../bin/jobs-server.mjs')], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s`)), 60_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const match = /"event":"listening","url":"([^"]+)"/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        buffer = '';
        resolve(match[1]!);
      } else if (buffer.length > 100_000) buffer = buffer.slice(-1000);
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code})`)));
  });
}

/**
 * How many progress writes per second the store takes right now, as many runs at once as the
 * benchmark runs: the path's ceiling, since each progress event carries the version its write made.
 */
async function progressCeiling(databaseUrl: string): Promise<number> {
  const store = await openPostgresStore(databaseUrl);
  try {
    const ids: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { run } = await store.insertRun(
        { jobName: 'ceiling', params: {}, trigger: 'MANUAL', triggeredBy: null },
        new Date(),
      );
      await store.startRun(run.id, new Date());
      ids.push(run.id);
    }
    let writes = 0;
    const until = Date.now() + 3000;
    await Promise.all(
      ids.map(async (id) => {
        while (Date.now() < until) {
          await store.updateProgress(id, { current: writes }, new Date());
          writes++;
        }
      }),
    );
    for (const id of ids) await store.finishRun(id, { status: 'SUCCESS' }, new Date());
    return Math.round(writes / 3);
  } finally {
    await store.close();
  }
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function main() {
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(dbName)}`);
  const url = new URL(ADMIN);
  url.pathname = `/${dbName}`;
  try {
    const ceiling = await progressCeiling(url.toString());
    const common = {
      DATABASE_URL: url.toString(),
      JOBS_API_TOKEN: TOKEN,
      REDIS_URL,
      REDIS_PREFIX: `jobs-bench-fanout-${process.pid}`,
      JOBS_MODULE: path.join(here, 'fanout-jobs.ts'),
      JOBS_SCHEDULES: 'off',
      JOBS_WORKER_CONCURRENCY: String(RUNS + 10),
      PORT: '0',
      LOG_LEVEL: 'warn',
    };
    // the listening line is info: let it through, then nothing but warnings matters
    const a = await node('node A', { ...common, JOBS_ROLE: 'all', LOG_LEVEL: 'info' });
    const b = await node('node B', { ...common, JOBS_ROLE: 'api', LOG_LEVEL: 'info' });

    const socket = io(b, { auth: { token: TOKEN }, transports: ['websocket'], forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const arrivals: Array<{ at: number; latency: number; run: string }> = [];
    socket.on(JOB_EVENT.progress, (event: { data: { message?: string; jobRunId: string } }) => {
      const sent = Number(event.data.message);
      if (!Number.isFinite(sent)) return;
      const now = Date.now();
      arrivals.push({ at: now, latency: now - sent, run: event.data.jobRunId });
    });

    const load = loadavg()[0]!;
    const enqueueStart = Date.now();
    // ten clients at a time; a 503 (the store busy) is retried after its Retry-After, as a client does
    const enqueue = async (): Promise<void> => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const res = await fetch(`${a}${API_BASE}/enqueue`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ jobName: 'emitter', params: { seconds: SECONDS, everyMs: 100 } }),
        });
        if (res.status === 201) return;
        if (res.status !== 503) throw new Error(`enqueue answered ${res.status}: ${await res.text()}`);
        await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
      }
      throw new Error('enqueue: still 503 after 20 tries');
    };
    for (let i = 0; i < RUNS; i += 10)
      await Promise.all(Array.from({ length: Math.min(10, RUNS - i) }, enqueue));
    const enqueued = Date.now();
    await new Promise((r) => setTimeout(r, (SECONDS + 5) * 1000));
    socket.close();
    // Measured while every run is reporting: from the last run's first value to the first run's
    // last one (or over everything, if the runs never all overlapped).
    const spans = new Map<string, { first: number; last: number }>();
    for (const x of arrivals) {
      const span = spans.get(x.run);
      if (span) span.last = x.at;
      else spans.set(x.run, { first: x.at, last: x.at });
    }
    const from = Math.max(...[...spans.values()].map((v) => v.first));
    const to = Math.min(...[...spans.values()].map((v) => v.last));
    const overlap = spans.size === RUNS && to - from >= 1000;
    const inWindow = overlap ? arrivals.filter((x) => x.at >= from && x.at <= to) : arrivals;
    const span = overlap ? to - from : Math.max(1, arrivals.at(-1)!.at - arrivals[0]!.at);
    const steady = inWindow.map((x) => x.latency).sort((x, y) => x - y);
    const rate = inWindow.length / (span / 1000);
    console.log(
      JSON.stringify({
        path: 'worker thread on node A → PostgreSQL progress write → Redis → node B → socket client',
        runs: RUNS,
        seconds: SECONDS,
        targetEventsPerSecond: RUNS * 10,
        deliveredEventsPerSecond: Math.round(rate),
        events: arrivals.length,
        enqueueSeconds: Number(((enqueued - enqueueStart) / 1000).toFixed(1)),
        measuredOver: overlap
          ? `${((to - from) / 1000).toFixed(1)} s with all runs reporting`
          : 'everything (the runs never all overlapped)',
        p50Ms: quantile(steady, 0.5),
        p95Ms: quantile(steady, 0.95),
        p99Ms: quantile(steady, 0.99),
        // once a backlog from the start (enqueueing, threads loading) has drained
        p95SecondHalfMs: quantile(
          inWindow
            .filter((x) => x.at >= (overlap ? from + (to - from) / 2 : 0))
            .map((x) => x.latency)
            .sort((x, y) => x - y),
          0.95,
        ),
        maxMs: steady.at(-1),
        loadAverageAtStart: Number(load.toFixed(2)),
        // every progress event is a write (it carries the run's new version): this bounds the rate
        storeProgressWritesPerSecondNow: ceiling,
      }),
    );
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(dbName)} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

await main();
