import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const app = path.join(root, 'apps/dashboard');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** The built dashboard as a child process (remote mode), resolved once it prints its URL. */
export function startDashboard(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(tsx, ['server.ts'], {
    cwd: app,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"event":"dashboard\.listening","url":"([^"]+)"/.exec(out);
      if (match?.[1]) {
        out = '';
        resolve({ url: match[1], child });
      }
    });
    child.once('exit', (code) => reject(new Error(`dashboard exited with ${code}`)));
  });
}

export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
