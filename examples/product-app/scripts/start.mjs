#!/usr/bin/env node
// `npm start`: prepares the app (scripts/prepare.mjs), then starts the jobs engine from this
// repository (@jobs/server's CLI, SQLite in .data/, the example's own job in engine/jobs.mjs)
// and the app's backend (server/index.mjs), which serves the page and proxies the engine.
// PORT (default 3100) is the app's; the engine takes a free loopback port. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { app, cleanEnv, prepare, repo } from './prepare.mjs';

if (process.argv.includes('--skip-prepare')) console.log('skipping prepare');
else prepare();

const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(app, '.data'));
mkdirSync(dataDir, { recursive: true });
// The service token: generated per start unless given; only the engine and the backend see it.
const token = process.env.JOBS_API_TOKEN || randomBytes(24).toString('hex');
const enginePort = await freePort();
const engineUrl = `http://127.0.0.1:${enginePort}`;
const children = [];

const engine = start('engine', [path.join(repo, 'packages/server/bin/jobs-server.mjs')], {
  JOBS_API_TOKEN: token,
  HOST: '127.0.0.1',
  PORT: String(enginePort),
  JOBS_DB: path.join(dataDir, 'jobs.db'),
  JOBS_MODULE: path.join(app, 'engine/jobs.mjs'),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
await waitFor(`${engineUrl}/healthz`, engine);
start('app', [path.join(app, 'server/index.mjs')], {
  JOBS_API_URL: engineUrl,
  JOBS_API_TOKEN: token,
  PORT: process.env.PORT ?? '3100',
  HOST: process.env.HOST ?? '127.0.0.1',
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of children) child.kill('SIGTERM');
    setTimeout(() => process.exit(0), 2000).unref();
  });
}

function start(name, args, env) {
  const child = spawn(process.execPath, args, { cwd: app, env: cleanEnv(env), stdio: 'inherit' });
  child.once('exit', (code, signal) => {
    console.log(`${name} exited (${signal ?? code})`);
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exitCode = code ?? 0;
  });
  children.push(child);
  return child;
}

async function waitFor(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
