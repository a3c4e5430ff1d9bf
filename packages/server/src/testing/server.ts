import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_BASE, type JobRun } from '@jobs/contracts';
import { io, type Socket } from 'socket.io-client';
import { type JobsServer, type JobsServerOptions, startJobsServer } from '../index.js';
import { testJobs } from './jobs.js';
import { postgresUrlFor, testStore } from './postgres.js';

export const TOKEN = 'test-token-0123456789';

// biome-ignore lint/suspicious/noExplicitAny: answers and events are read loosely in tests, then parsed where it matters
export type Loose = any;

export interface ApiAnswer<T = Loose> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestServer {
  server: JobsServer;
  dir: string;
  dbPath: string;
  api<T = Loose>(
    method: string,
    route: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiAnswer<T>>;
  enqueue(jobName: string, params?: Record<string, unknown>): Promise<JobRun>;
  waitForStatus(id: string, status: string | string[], timeoutMs?: number): Promise<JobRun>;
  socket(token?: string): Socket;
  close(): Promise<void>;
}

/**
 * A real server on an ephemeral port over a real SQLite file in a temp dir (removed on close), or
 * with `JOBS_TEST_STORE=postgres` over a PostgreSQL schema of its own.
 */
export async function startTestServer(
  options: Partial<JobsServerOptions> = {},
  reuse?: { dir: string; keep?: boolean },
): Promise<TestServer> {
  const dir = reuse?.dir ?? mkdtempSync(path.join(tmpdir(), 'jobs-server-test-'));
  const dbPath = path.join(dir, 'jobs.db');
  const server = await startJobsServer({
    token: TOKEN,
    dbPath,
    port: 0,
    logger: false,
    jobs: testJobs,
    schedules: false,
    heartbeatMs: 50,
    cancelGraceMs: 300,
    shutdownGraceMs: 200,
    // JOBS_TEST_STORE=postgres: the same server on PostgreSQL, one schema per test dir (kept on reuse)
    ...(testStore === 'postgres' ? { databaseUrl: await postgresUrlFor(path.basename(dir)) } : {}),
    ...options,
  });
  const sockets: Socket[] = [];
  const api: TestServer['api'] = async (method, route, body, headers = {}) => {
    const res = await fetch(`${server.url}${API_BASE}${route}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  const t: TestServer = {
    server,
    dir,
    dbPath,
    api,
    async enqueue(jobName, params = {}) {
      const res = await api('POST', '/enqueue', { jobName, params });
      if (res.status !== 201)
        throw new Error(`enqueue ${jobName}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.run;
    },
    async waitForStatus(id, status, timeoutMs = 5000) {
      const wanted = Array.isArray(status) ? status : [status];
      let last: JobRun | undefined;
      await waitFor(
        async () => {
          last = (await api('GET', `/${id}`)).body.run;
          return wanted.includes(last!.status);
        },
        timeoutMs,
        () => `run ${id} to be ${wanted.join('|')}, last ${last?.status}`,
      );
      return last!;
    },
    socket(token = TOKEN) {
      const s = io(server.url, {
        auth: { token },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      sockets.push(s);
      return s;
    },
    async close() {
      for (const s of sockets) s.disconnect();
      await server.close();
      if (!reuse?.keep) rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what: () => string = () => 'condition',
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/** Every event a socket receives, in order, with when it arrived. */
export function record(socket: Socket): Array<{ name: string; event: Loose; receivedAt: number }> {
  const seen: Array<{ name: string; event: Loose; receivedAt: number }> = [];
  socket.onAny((name: string, event: unknown) => seen.push({ name, event, receivedAt: Date.now() }));
  return seen;
}
