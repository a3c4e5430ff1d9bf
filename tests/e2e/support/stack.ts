import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stackEnv } from './accounts.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const app = path.join(root, 'apps/dashboard');
const tsx = path.join(root, 'node_modules/.bin/tsx');

export interface Stack {
  url: string;
  dataDir: string;
  /** SIGTERM, wait for exit, remove the data dir. */
  stop(): Promise<void>;
  /** Stop, then start again on the same port and data dir (sessions and runs survive). */
  restart(): Promise<void>;
  /** What the latest start printed up to its "listening" line. */
  output(): string;
  /** Everything the latest start printed so far (stdout and stderr). */
  logs(): string;
  /** The server process's id (to read its memory, or to kill it). */
  pid(): number;
}

function launch(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: string; all: { text: string } }> {
  const child = spawn(tsx, ['server.ts'], {
    cwd: app,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const all = { text: '' };
    child.stdout?.on('data', (c: Buffer) => {
      all.text += c.toString();
    });
    child.stderr?.on('data', (c: Buffer) => {
      all.text += c.toString();
    });
    const timer = setTimeout(() => reject(new Error(`stack did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"event":"dashboard\.listening","url":"([^"]+)"/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve({ child, url: match[1], output: out, all });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stack exited with ${code}:\n${out}`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A dashboard + embedded engine of its own, for tests that restart it or need an empty engine. */
export async function startStack(extra: Record<string, string> = {}): Promise<Stack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jobs-e2e-stack-'));
  const env = stackEnv({ PORT: '0', DATA_DIR: dataDir, ...extra });
  let { child, url, output, all } = await launch(env).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const port = new URL(url).port;
  const kill = async () => {
    child.kill('SIGTERM');
    await exited(child);
  };
  return {
    url,
    dataDir,
    async stop() {
      await kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async restart() {
      await kill();
      ({ child, url, output, all } = await launch({ ...env, PORT: port }));
    },
    output() {
      return output;
    },
    logs() {
      return all.text;
    },
    pid() {
      return child.pid ?? 0;
    },
  };
}
