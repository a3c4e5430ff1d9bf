#!/usr/bin/env node
// `npm run start:cluster`: a whole Jobs Console cluster on this machine, on PostgreSQL and Redis:
// 2 API/gateway nodes, 3 jobs-worker processes and 2 dashboard nodes. Prints every URL; Ctrl-C
// stops them all. PostgreSQL and Redis come from DATABASE_URL and REDIS_URL (defaults on
// 127.0.0.1); the database is created if it is missing.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const DATABASE_URL = env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/jobs_cluster';
const REDIS_URL = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TOKEN = env.JOBS_API_TOKEN || randomBytes(24).toString('hex');
const SESSION_SECRET = env.SESSION_SECRET || randomBytes(32).toString('hex');
const ADMIN_EMAIL = env.ADMIN_EMAIL || 'admin@example.com';
const ADMIN_PASSWORD = env.ADMIN_PASSWORD || randomBytes(9).toString('base64url');
const API_PORTS = [4001, 4002];
const DASHBOARD_PORTS = [3001, 3002];
const WORKERS = 3;

const children = [];
let stopping = false;

// A node that dies (kill -9 a worker or an API node to watch the rest cope) is started again, as a
// supervisor would; one that dies within this long of starting cannot start, and stops the cluster.
const FAILED_START_MS = 10_000;
const RESTART_DELAY_MS = 2_000;

function start(name, args, extra, cwd = root) {
  const startedAt = Date.now();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...env, DATABASE_URL, REDIS_URL, LOG_LEVEL: env.LOG_LEVEL || 'warn', ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name}] `;
  const relay = (stream, out) => {
    let buffer = '';
    stream.setEncoding('utf8').on('data', (chunk) => {
      buffer += chunk;
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        out.write(prefix + buffer.slice(0, i) + '\n');
        buffer = buffer.slice(i + 1);
      }
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    if (Date.now() - startedAt < FAILED_START_MS) {
      process.stderr.write(`${prefix}exited (${code ?? signal}) while starting; stopping the cluster\n`);
      stop(1);
      return;
    }
    process.stderr.write(
      `${prefix}exited (${code ?? signal}); starting it again in ${RESTART_DELAY_MS / 1000} s\n`,
    );
    setTimeout(() => {
      if (stopping) return;
      const at = children.findIndex((c) => c.child === child);
      if (at >= 0) children.splice(at, 1);
      start(name, args, extra, cwd);
    }, RESTART_DELAY_MS);
  });
  children.push({ name, child });
  return child;
}

/** resolves once `url` answers (any status), or rejects after `ms` */
async function reachable(url, ms) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      if (Date.now() > until) throw new Error(`${url} did not answer within ${ms / 1000} s`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\nstopping the cluster…\n');
  for (const { child } of children) if (child.exitCode === null) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const { child } of children) if (child.exitCode === null) child.kill('SIGKILL');
  }, 10_000);
  Promise.all(
    children.map(({ child }) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)),
  ).then(() => {
    clearTimeout(force);
    process.exit(code);
  });
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const serverBin = path.join(root, 'packages/server/bin/jobs-server.mjs');
const workerBin = path.join(root, 'packages/server/bin/jobs-worker.mjs');

process.stdout.write('building the dashboard…\n');
const build = spawnSync(
  'npx',
  ['turbo', 'run', 'build', '--filter=@jobs/dashboard...', '--output-logs=errors-only'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

try {
  // API node 1 first: it creates the database if missing and migrates it; the others follow.
  const apiUrls = API_PORTS.map((p) => `http://127.0.0.1:${p}`);
  for (const [i, port] of API_PORTS.entries()) {
    start(`api-${i + 1}`, [serverBin], {
      JOBS_API_TOKEN: TOKEN,
      JOBS_ROLE: 'api',
      PORT: String(port),
      // cron schedules fire on one node only
      JOBS_SCHEDULES: i === 0 ? (env.JOBS_SCHEDULES ?? '1') : '0',
    });
    await reachable(`${apiUrls[i]}/healthz`, 90_000);
  }
  for (let i = 0; i < WORKERS; i++) start(`worker-${i + 1}`, [workerBin], {});
  const dashboardUrls = DASHBOARD_PORTS.map((p) => `http://127.0.0.1:${p}`);
  for (const [i, port] of DASHBOARD_PORTS.entries()) {
    const dataDir = path.join(root, 'data', `cluster-dashboard-${i + 1}`);
    mkdirSync(dataDir, { recursive: true });
    start(
      `dashboard-${i + 1}`,
      ['--import', 'tsx', 'server.ts'],
      {
        NODE_ENV: 'production',
        PORT: String(port),
        DATA_DIR: dataDir,
        // each dashboard node prefers a different API node and fails over to the other
        JOBS_API_URL: (i === 0 ? apiUrls : [...apiUrls].reverse()).join(','),
        JOBS_API_TOKEN: TOKEN,
        SESSION_SECRET,
        ADMIN_EMAIL,
        ADMIN_PASSWORD,
      },
      path.join(root, 'apps/dashboard'),
    );
  }
  for (const url of dashboardUrls) await reachable(url, 90_000);
  process.stdout.write(
    [
      '',
      'Jobs Console cluster is up:',
      ...apiUrls.map((u, i) => `  API/gateway ${i + 1}   ${u}   (Authorization: Bearer ${TOKEN})`),
      `  workers       ${WORKERS} jobs-worker processes`,
      ...dashboardUrls.map((u, i) => `  dashboard ${i + 1}   ${u}/admin`),
      `  sign in       ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}`,
      `  PostgreSQL    ${DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}`,
      `  Redis         ${REDIS_URL || '(none)'}`,
      'Ctrl-C stops them all.',
      '',
    ].join('\n'),
  );
} catch (err) {
  process.stderr.write(`the cluster could not start: ${err.message}\n`);
  stop(1);
}
