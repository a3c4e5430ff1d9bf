import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type JobsServer, startJobsServer } from '@jobs/server';
import pg from 'pg';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../e2e/support/stack.js';
import { loginCookie } from './support/http.js';

// The machine's PostgreSQL; this suite creates a database of its own and drops it afterwards.
const SERVER = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = `jobs_dashboard_test_${randomBytes(4).toString('hex')}`;
const TOKEN = 'pg-fault-token-0123456789abcdef';

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('two dashboard nodes on one PostgreSQL', () => {
  let dir: string;
  let engine: JobsServer;
  let a: Stack;
  let b: Stack;
  let url: string;

  beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE ${DB}`));
    const target = new URL(SERVER);
    target.pathname = `/${DB}`;
    url = target.toString();
    dir = mkdtempSync(path.join(tmpdir(), 'jobs-fault-pg-'));
    engine = await startJobsServer({
      token: TOKEN,
      dbPath: path.join(dir, 'jobs.db'),
      host: '127.0.0.1',
      port: 0,
      schedules: false,
      logger: false,
    });
    const env = { JOBS_API_URL: engine.url, JOBS_API_TOKEN: TOKEN, DATABASE_URL: url };
    // One after the other: a start compiles the server (~12 s on a loaded 2-core machine), and two
    // at once with the engine beside them can pass the stack's start limit. B finds A's schema.
    a = await startStack(env);
    b = await startStack(env);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`));
  });

  it('migrated once, into its own tables', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM dashboard_schema ORDER BY version');
    await client.end();
    expect(rows).toEqual([{ version: 1 }]);
  });

  it('a session made on A works on B, and logging out on A drops its socket on B', async () => {
    const cookie = await loginCookie(a.url);
    const onB = await fetch(`${b.url}/resources/jobs/active`, { headers: { cookie } });
    expect(onB.status).toBe(200);

    const socket = io(b.url, {
      transports: ['websocket'],
      extraHeaders: { cookie, origin: b.url },
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    const out = await fetch(`${a.url}/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: a.url },
    });
    expect(out.status).toBe(302);
    expect(await dropped).toBe('io server disconnect');
    expect((await fetch(`${b.url}/resources/jobs/active`, { headers: { cookie } })).status).toBe(401);
  });

  it('share the audit log and the failed-login budgets', async () => {
    const fail = (stack: Stack) =>
      fetch(`${stack.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: stack.url, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'target@example.test', password: 'wrong-password' }),
      });
    for (let i = 0; i < 5; i++) expect((await fail(a)).status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await fail(b)).status).toBe(401);
    expect((await fail(a)).status).toBe(429);

    const cookie = await loginCookie(b.url);
    const html = await (await fetch(`${a.url}/admin/audit`, { headers: { cookie } })).text();
    const page = html.slice(0, html.indexOf('<script'));
    expect(page).toContain('target@example.test');
    expect(page).toMatch(/logout/);
  });
});
