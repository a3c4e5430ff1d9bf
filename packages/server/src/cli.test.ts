import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_BASE } from '@jobs/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { TOKEN, waitFor } from './testing/server.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/jobs-server.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'jobs-crash-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the real CLI (`bin/jobs-server.mjs`) as a child process; resolves with its URL. */
async function startCli(
  dbPath = path.join(dir, 'jobs.db'),
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [BIN], {
    env: {
      ...process.env,
      JOBS_API_TOKEN: TOKEN,
      PORT: '0',
      HOST: '127.0.0.1',
      JOBS_DB: dbPath,
      JOBS_SCHEDULES: '0', // no cron run may land in the kill window
      LOG_LEVEL: 'info', // the test reads the listening line (Vitest's env would make it silent)
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  let url = '';
  await waitFor(() => {
    if (child.exitCode !== null) throw new Error(`the CLI exited: ${out}`);
    url = /"event":"listening","url":"([^"]+)"/.exec(out)?.[1] ?? '';
    return url !== '';
  }, 20_000);
  return { child, url, output: () => out };
}

function client(url: string) {
  return async (method: string, route: string, body?: unknown) => {
    const res = await fetch(`${url}${API_BASE}${route}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: await res.json() };
  };
}

describe('crash recovery', () => {
  it('refuses to start without a token, saying so', async () => {
    const child = spawn(process.execPath, [BIN], {
      env: { ...process.env, JOBS_API_TOKEN: '', JOBS_DB: path.join(dir, 'never.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toMatch(/JOBS_API_TOKEN/);
    expect(err).toMatch(/refuses to start/);
  });

  it('after kill -9 mid-run, a restart on the same file ends the run FAILED as stalled; every other run is intact', async () => {
    const first = await startCli();
    const api = client(first.url);
    const quick = { pauseMs: 5, items: 200, batchSize: 100 };
    const done: string[] = [];
    for (const params of [{ ...quick, userId: 8 }, quick]) {
      done.push((await api('POST', '/enqueue', { jobName: 'searchable-user', params })).body.run.id);
    }
    const failed = (
      await api('POST', '/enqueue', { jobName: 'media-metadata-batch', params: { ...quick, fail: true } })
    ).body.run.id;
    const running = (await api('POST', '/enqueue', { jobName: 'match-scores', params: { pauseMs: 2000 } }))
      .body.run.id;
    const queued = (await api('POST', '/enqueue', { jobName: 'match-scores', params: { pauseMs: 5 } })).body
      .run.id;
    const settled = async (id: string) => (await api('GET', `/${id}`)).body.run;
    await waitFor(
      async () =>
        (await settled(done[1]!)).status === 'SUCCESS' && (await settled(failed)).status === 'FAILED',
      10_000,
    );
    await waitFor(async () => (await settled(running)).status === 'RUNNING', 5000);
    expect((await settled(queued)).status).toBe('QUEUED');
    const before = await Promise.all([...done, failed].map(settled));

    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await startCli();
    const again = client(second.url);
    const crashed = (await again('GET', `/${running}`)).body.run;
    expect(crashed.status).toBe('FAILED');
    expect(crashed.error.code).toBe('STALLED');
    expect(crashed.error.message).toMatch(/^stalled: no heartbeat since \d{4}-\d\d-\d\dT/);
    expect(crashed.finishedAt).not.toBeNull();
    const after = await Promise.all(
      [...done, failed].map(async (id) => (await again('GET', `/${id}`)).body.run),
    );
    expect(after).toEqual(before);
    // The run that was waiting is not lost: it runs now.
    await waitFor(
      async () => ['RUNNING', 'SUCCESS'].includes((await again('GET', `/${queued}`)).body.run.status),
      5000,
    );
    const active = (await again('GET', '/active')).body.runs.map((r: { id: string }) => r.id);
    expect(active).not.toContain(running);
    expect(second.output()).toMatch(/"event":"recovered","failed":1,"requeued":1/);

    second.child.kill('SIGTERM');
    const code = await new Promise((resolve) => second.child.once('exit', resolve));
    expect(code).toBe(0);
  }, 40_000);
});

describe('files on disk', () => {
  it('creates its data folder 0700 and the database files 0600, whatever the umask', async () => {
    const dataDir = path.join(dir, 'fresh', 'data');
    const db = path.join(dataDir, 'jobs.db');
    const previous = process.umask(0o022); // the usual default: 755 folders, 644 files
    let cli: Awaited<ReturnType<typeof startCli>>;
    try {
      cli = await startCli(db);
    } finally {
      process.umask(previous);
    }
    const mode = (file: string) => statSync(file).mode & 0o777;
    expect(mode(dataDir).toString(8)).toBe('700');
    for (const file of [db, `${db}-wal`, `${db}-shm`]) expect(mode(file).toString(8), file).toBe('600');
    cli.child.kill('SIGTERM');
    await new Promise((resolve) => cli.child.once('exit', resolve));
  });
});
