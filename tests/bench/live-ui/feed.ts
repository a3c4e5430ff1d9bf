/**
 * The benchmark's load source: a real Socket.IO server that holds `count` RUNNING runs, answers
 * `/active` with them and pushes contract progress events as fast as it is told to. It also serves
 * the bundled page, so the page talks to its own origin as it does under the dashboard.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JOB_EVENT, type JobEvent, type JobRunSummary } from '@jobs/contracts';
import { makeSummary } from '@jobs/contracts/testing';
import { Server } from 'socket.io';
import type { StaticFile } from './bundle.js';

export async function startFeed(count: number, files: Map<string, StaticFile>) {
  const runs = new Map<string, JobRunSummary>();
  for (let i = 0; i < count; i += 1) {
    const id = String(i + 1);
    runs.set(id, makeSummary({ id, status: 'RUNNING', finishedAt: null, durationMs: null, version: 2 }));
  }
  const http = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/active') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ runs: [...runs.values()], asOfSeq: 0 }));
    }
    const file = files.get(path);
    res.writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain' });
    res.end(file?.body ?? 'not found');
  });
  const io = new Server(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    ids: [...runs.keys()],
    /** One progress event for run `id`, as the engine's gateway sends it (no seq, newer version). */
    progress(id: string, percent: number, message: string): void {
      const run = runs.get(id);
      if (!run) return;
      const next = { ...run, version: run.version + 1, progress: { percent, message } };
      runs.set(id, next);
      const data = {
        jobRunId: id,
        jobName: run.jobName,
        version: next.version,
        progressPercent: percent,
        message,
      };
      const event: JobEvent = { type: JOB_EVENT.progress, at: new Date().toISOString(), data };
      io.emit(JOB_EVENT.progress, event);
    },
    async close(): Promise<void> {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
