import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobRun } from '@jobs/contracts';

/** What the API answers (only the parts the tests read). */
export type Answer = { run: JobRun; error?: string; details?: string };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SERVER_BIN = path.join(root, 'packages/server/bin/jobs-server.mjs');
export const WORKER_BIN = path.join(root, 'packages/server/bin/jobs-worker.mjs');
export const TEST_JOBS = path.join(root, 'tests/cluster/support/jobs.ts');
export const TOKEN = 'cluster-token-0123456789abcdef';

export type LogLine = Record<string, unknown> & { event?: string; msg?: string };

/** One Jobs Console process of a test cluster, with its JSON log lines kept for assertions. */
export class Node {
  readonly lines: LogLine[] = [];
  #waiters: Array<{ match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }> = [];
  stderr = '';

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    let buffer = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        const text = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        try {
          const line = JSON.parse(text) as LogLine;
          this.lines.push(line);
          const matched = this.#waiters.filter((w) => w.match(line));
          this.#waiters = this.#waiters.filter((w) => !matched.includes(w));
          for (const w of matched) w.resolve(line);
        } catch {
          // not a log line
        }
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** the first log line (past or future) that matches, within `ms` */
  waitForLine(match: (l: LogLine) => boolean, ms: number): Promise<LogLine> {
    const seen = this.lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name}: no matching log line within ${ms} ms; stderr: ${this.stderr}`)),
        ms,
      );
      this.#waiters.push({
        match,
        resolve: (l) => {
          clearTimeout(timer);
          resolve(l);
        },
      });
      this.child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(`${this.name} exited (${code ?? signal}) before the line came; stderr: ${this.stderr}`),
        );
      });
    });
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.alive) this.child.kill(signal);
  }

  /** SIGTERM, then SIGKILL if it has not ended within `ms` */
  async stop(ms = 10_000): Promise<void> {
    if (!this.alive) return;
    const ended = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.kill('SIGKILL'), ms);
    await ended;
    clearTimeout(timer);
  }
}

/** Every process a test started, so that `afterAll` can end them all whatever happened. */
export class Nodes {
  readonly all: Node[] = [];

  spawn(name: string, bin: string, env: Record<string, string>): Node {
    const child = spawn(process.execPath, [bin], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        JOBS_MODULE: TEST_JOBS,
        JOBS_SCHEDULES: 'off',
        LOG_LEVEL: 'info',
        REDIS_URL: '', // no Redis unless the test starts its own (never the machine's shared one)
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const node = new Node(name, child);
    this.all.push(node);
    return node;
  }

  /** an API node (`JOBS_ROLE=api`) on a free port; resolves with its URL once it listens */
  async api(
    name: string,
    databaseUrl: string,
    env: Record<string, string> = {},
  ): Promise<{ node: Node; url: string }> {
    const node = this.spawn(name, SERVER_BIN, {
      DATABASE_URL: databaseUrl,
      JOBS_API_TOKEN: TOKEN,
      JOBS_ROLE: 'api',
      PORT: '0',
      HOST: '127.0.0.1',
      ...env,
    });
    const line = await node.waitForLine((l) => l.event === 'listening', 60_000);
    return { node, url: String(line.url) };
  }

  async worker(name: string, databaseUrl: string, env: Record<string, string> = {}): Promise<Node> {
    const node = this.spawn(name, WORKER_BIN, { DATABASE_URL: databaseUrl, ...env });
    await node.waitForLine((l) => l.event === 'worker_started', 60_000);
    return node;
  }

  killAll(): void {
    for (const node of this.all) node.kill('SIGKILL');
  }
}

export async function waitFor<T>(
  probe: () => Promise<T | false | null | undefined> | T | false | null | undefined,
  ms: number,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The jobs API of one node. */
export function api(base: string) {
  const call = async (
    method: string,
    route: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${base}/api/admin/jobs${route}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text ? (JSON.parse(text) as Answer) : ({} as Answer),
    };
  };
  return {
    enqueue: (jobName: string, params: Record<string, unknown> = {}, idempotencyKey?: string) =>
      call('POST', '/enqueue', { jobName, params, ...(idempotencyKey ? { idempotencyKey } : {}) }),
    run: async (id: string) => (await call('GET', `/${id}`)).body.run,
    cancel: (id: string) => call('POST', `/${id}/cancel`),
  };
}
