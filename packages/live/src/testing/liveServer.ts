import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CLIENT_MESSAGE,
  JOB_EVENT,
  type JobEvent,
  type JobRunSummary,
  type TerminalStatus,
} from '@jobs/contracts';
import { makeSummary } from '@jobs/contracts/testing';
import { Server } from 'socket.io';
import { iso, justQueued } from './runs.js';

export interface StaticFile {
  type: string;
  body: string | Buffer;
}

/**
 * A small stand-in for the jobs API: a real Socket.IO server on an ephemeral port emitting contract
 * events, and HTTP endpoints for `/active`, `/history` and cancel — what @jobs/live talks to.
 */
export async function startLiveServer(options: { files?: Map<string, StaticFile> } = {}) {
  const runs = new Map<string, JobRunSummary>();
  let seq = 0;
  let nextId = 1;
  let accepting = true;
  const stats = {
    connections: 0,
    totalConnections: 0,
    activeRequests: 0,
    cancelRequests: new Map<string, number>(),
  };
  const behaviour = { cancelDelayMs: 0, cancelFails: false };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const active = () => [...runs.values()].filter((r) => r.status === 'QUEUED' || r.status === 'RUNNING');
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/active') {
      stats.activeRequests += 1;
      return json(res, 200, { runs: active(), asOfSeq: seq });
    }
    if (url.pathname === '/history') return json(res, 200, { runs: [...runs.values()].slice(-50).reverse() });
    const cancel = /^\/runs\/([^/]+)\/cancel$/.exec(url.pathname);
    if (cancel && req.method === 'POST') {
      const id = cancel[1] as string;
      stats.cancelRequests.set(id, (stats.cancelRequests.get(id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, behaviour.cancelDelayMs));
      if (behaviour.cancelFails)
        return json(res, 500, {
          error: 'Cancel failed',
          details: 'The queue is unavailable',
          retryable: true,
        });
      const run = runs.get(id);
      if (!run) return json(res, 404, { error: 'Not found', details: `No run ${id}`, retryable: false });
      return json(res, 202, { run: server.requestCancel(id) ?? run });
    }
    const file = options.files?.get(url.pathname);
    if (file) {
      res.writeHead(200, { 'content-type': file.type });
      return res.end(file.body);
    }
    json(res, 404, { error: 'Not found', details: url.pathname, retryable: false });
  };

  const http = createServer((req, res) => void handle(req, res));
  const io = new Server(http, { cors: { origin: true } });
  io.use((_socket, next) => (accepting ? next() : next(new Error('refused'))));
  io.on('connection', (socket) => {
    stats.connections += 1;
    stats.totalConnections += 1;
    socket.on('disconnect', () => {
      stats.connections -= 1;
    });
    socket.on(CLIENT_MESSAGE.logsSubscribe, (body: { jobRunId?: string }) => {
      if (typeof body?.jobRunId === 'string') void socket.join(`logs:${body.jobRunId}`);
    });
    socket.on(CLIENT_MESSAGE.logsUnsubscribe, (body: { jobRunId?: string }) => {
      if (typeof body?.jobRunId === 'string') void socket.leave(`logs:${body.jobRunId}`);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const at = () => iso(Date.now());
  /** Applies a lifecycle change; `deliver: false` loses the event on the way (a seq gap). */
  const lifecycle = (
    type: typeof JOB_EVENT.queued | typeof JOB_EVENT.started | typeof JOB_EVENT.completed,
    run: JobRunSummary,
    deliver: boolean,
  ) => {
    runs.set(run.id, run);
    seq += 1;
    const event: JobEvent = {
      type,
      at: at(),
      seq,
      data: { jobRunId: run.id, jobName: run.jobName, version: run.version, run },
    };
    if (deliver) io.emit(type, event);
    return run;
  };

  const server = {
    url,
    io,
    stats,
    behaviour,
    runs,
    get seq() {
      return seq;
    },
    enqueue(deliver = true): JobRunSummary {
      return lifecycle(
        JOB_EVENT.queued,
        makeSummary({ ...justQueued, id: String(nextId++), queuedAt: at() }),
        deliver,
      );
    },
    start(id: string, deliver = true): JobRunSummary {
      const run = runs.get(id) as JobRunSummary;
      return lifecycle(
        JOB_EVENT.started,
        { ...run, status: 'RUNNING', startedAt: at(), version: run.version + 1 },
        deliver,
      );
    },
    complete(id: string, status: TerminalStatus, deliver = true, error: string | null = null): JobRunSummary {
      const run = runs.get(id) as JobRunSummary;
      const next = {
        ...run,
        status,
        finishedAt: at(),
        version: run.version + 1,
        error: error ? { message: error } : null,
      };
      return lifecycle(JOB_EVENT.completed, next, deliver);
    },
    progress(id: string, percent: number, volatile = false, message?: string): void {
      const run = runs.get(id) as JobRunSummary;
      const progress = message === undefined ? { percent } : { percent, message };
      const next = { ...run, version: run.version + 1, progress };
      runs.set(id, next);
      const data = {
        jobRunId: id,
        jobName: run.jobName,
        version: next.version,
        progressPercent: percent,
        message,
      };
      const event: JobEvent = { type: JOB_EVENT.progress, at: at(), data };
      (volatile ? io.volatile : io).emit(JOB_EVENT.progress, event);
    },
    requestCancel(id: string): JobRunSummary | undefined {
      const run = runs.get(id);
      if (!run || run.cancelRequestedAt || !(run.status === 'QUEUED' || run.status === 'RUNNING')) return run;
      const next = { ...run, cancelRequestedAt: at(), version: run.version + 1 };
      runs.set(id, next);
      seq += 1;
      io.emit(JOB_EVENT.cancelRequested, {
        type: JOB_EVENT.cancelRequested,
        at: at(),
        seq,
        data: {
          jobRunId: id,
          jobName: run.jobName,
          version: next.version,
          cancelRequestedAt: next.cancelRequestedAt,
        },
      });
      return next;
    },
    /** A log line, sent only to sockets subscribed to the run (as the contract says). */
    log(id: string, seq: number, message: string): void {
      const line = { seq, at: at(), level: 'info' as const, message };
      const data = { jobRunId: id, jobName: 'match-scores', version: runs.get(id)?.version ?? 1, line };
      io.to(`logs:${id}`).emit(JOB_EVENT.log, { type: JOB_EVENT.log, at: at(), data });
    },
    /** How many sockets listen to a run's log lines. */
    logListeners(id: string): number {
      return io.sockets.adapter.rooms.get(`logs:${id}`)?.size ?? 0;
    },
    /** Refuse new sockets (a "down" socket endpoint while HTTP still answers). */
    accept(value: boolean): void {
      accepting = value;
    },
    dropAllSockets(): void {
      io.disconnectSockets(true);
    },
    async close(): Promise<void> {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
  return server;
}
export type LiveServer = Awaited<ReturnType<typeof startLiveServer>>;
