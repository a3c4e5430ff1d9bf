import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { CLIENT_MESSAGE, JOB_EVENT, JOB_EVENT_NAMES, LogsSubscription } from '@jobs/contracts';
import { Server, type Socket } from 'socket.io';
import { parseApiUrls } from './api-urls.server.js';
import { logger } from './logger.server.js';
import { RelayStats } from './relay-stats.server.js';
import { errorsFor } from './run-errors.server.js';
import type { Sessions } from './session.server.js';
import { FailoverSocket } from './upstream-socket.server.js';
import type { UserDirectory } from './users.server.js';

interface BrowserData {
  email: string;
  role: 'admin' | 'viewer';
  sessionId: string;
  logs: Set<string>;
}

export interface RelayOptions {
  http: HttpServer;
  upstreamUrl: string;
  token: string;
  sessions: Sessions;
  users: UserDirectory;
  /** The origin a page of this dashboard has for this request (scheme included, proxy-aware). */
  originOf(req: IncomingMessage): string;
  /** Browser reconnects after an upstream restart are spread over this many ms (default 5,000). */
  resyncSpreadMs?: number;
}

/** A browser opens one socket per tab at most (one per browser with the leader); beyond this is abuse. */
export const MAX_SOCKETS_PER_SESSION = 20;
/** Browsers send a few subscribe/unsubscribe messages; a flood gets the socket closed. */
export const MAX_MESSAGES_PER_SECOND = 50;

export type Relay = ReturnType<typeof createRelay>;

const logsRoom = (runId: string) => `logs:${runId}`;

function sameOrigin(origin: string | undefined, expected: string): boolean {
  if (!origin) return false;
  try {
    return new URL(origin).origin === new URL(expected).origin;
  } catch {
    return false;
  }
}

/**
 * Browsers connect here (the dashboard's own origin, session cookie); one upstream connection with the
 * service token feeds them all, so the token never leaves the server and the engine sees one client.
 */
export function createRelay({
  http,
  upstreamUrl,
  token,
  sessions,
  users,
  originOf,
  resyncSpreadMs = 5000,
}: RelayOptions) {
  const stats = new RelayStats();
  const io = new Server(http, { path: '/socket.io', serveClient: false });
  // One or several API nodes (comma-separated): on losing one it connects to the next.
  const upstream = new FailoverSocket(parseApiUrls(upstreamUrl), { auth: { token } });
  const logRefs = new Map<string, number>();

  io.use(async (socket, next) => {
    const { headers } = socket.handshake;
    if (!sameOrigin(headers.origin, originOf(socket.request)))
      return next(new Error('cross-origin socket refused'));
    const session = await sessions.storage.getSession(headers.cookie ?? null);
    const email = session.get('email');
    const user = email ? users.find(email) : null;
    if (!email || !session.id || !user) return next(new Error('unauthorized'));
    let open = 0;
    for (const other of io.sockets.sockets.values())
      if ((other.data as BrowserData).sessionId === session.id) open++;
    if (open >= MAX_SOCKETS_PER_SESSION) return next(new Error('too many sockets for this session'));
    const data: BrowserData = { email, role: user.role, sessionId: session.id, logs: new Set() };
    socket.data = data;
    next();
  });

  const unsubscribe = (socket: Socket, runId: string) => {
    const data = socket.data as BrowserData;
    if (!data.logs.delete(runId)) return;
    socket.leave(logsRoom(runId));
    const refs = (logRefs.get(runId) ?? 1) - 1;
    if (refs > 0) logRefs.set(runId, refs);
    else {
      logRefs.delete(runId);
      upstream.emit(CLIENT_MESSAGE.logsUnsubscribe, { jobRunId: runId });
    }
  };

  io.on('connection', (socket) => {
    const data = socket.data as BrowserData;
    stats.browserSockets++;
    socket.join(`role:${data.role}`);
    logger.info('relay.browser_connected', { email: data.email, sockets: stats.browserSockets });
    let second = 0;
    let messages = 0;
    socket.onAny(() => {
      const now = Math.floor(Date.now() / 1000);
      if (now !== second) {
        second = now;
        messages = 0;
      }
      if (++messages > MAX_MESSAGES_PER_SECOND) {
        logger.warn('relay.browser_flood', { email: data.email });
        socket.disconnect(true);
      }
    });
    socket.on(CLIENT_MESSAGE.logsSubscribe, (raw: unknown) => {
      const parsed = LogsSubscription.safeParse(raw);
      if (!parsed.success || data.logs.has(parsed.data.jobRunId) || data.logs.size >= 20) return;
      const runId = parsed.data.jobRunId;
      data.logs.add(runId);
      socket.join(logsRoom(runId));
      const refs = (logRefs.get(runId) ?? 0) + 1;
      logRefs.set(runId, refs);
      if (refs === 1) upstream.emit(CLIENT_MESSAGE.logsSubscribe, { jobRunId: runId });
    });
    socket.on(CLIENT_MESSAGE.logsUnsubscribe, (raw: unknown) => {
      const parsed = LogsSubscription.safeParse(raw);
      if (parsed.success) unsubscribe(socket, parsed.data.jobRunId);
    });
    socket.on('disconnect', (reason) => {
      for (const runId of [...data.logs]) unsubscribe(socket, runId);
      stats.browserSockets--;
      logger.info('relay.browser_disconnected', { email: data.email, reason, sockets: stats.browserSockets });
    });
  });

  sessions.onEnd((sessionId) => {
    for (const socket of io.sockets.sockets.values())
      if ((socket.data as BrowserData).sessionId === sessionId) socket.disconnect(true);
  });

  for (const name of JOB_EVENT_NAMES) {
    upstream.on(name, (event: { at?: string; data?: { jobRunId?: string } }) => {
      if (typeof event?.at === 'string') stats.sample(event.at);
      if (name === JOB_EVENT.log) {
        const runId = event?.data?.jobRunId;
        if (typeof runId === 'string') io.to(logsRoom(runId)).emit(name, event);
      } else if (name === JOB_EVENT.progress) io.volatile.emit(name, event);
      // Lifecycle events carry runs, and a failed run its stack: trimmed for admins, none for viewers.
      else
        for (const role of ['admin', 'viewer'] as const)
          io.to(`role:${role}`).emit(name, errorsFor(event, role));
    });
  }

  let everConnected = false;
  upstream.on('connect', () => {
    stats.upstreamConnected = true;
    logger.info('relay.upstream_connected', { url: upstream.url, reconnect: everConnected });
    for (const runId of logRefs.keys()) upstream.emit(CLIENT_MESSAGE.logsSubscribe, { jobRunId: runId });
    if (everConnected) {
      stats.upstreamReconnects++;
      // Events were missed while upstream was away: each client must reconnect and refetch its
      // snapshot (closing the transport, unlike disconnect(), lets it reconnect). Browser sockets
      // stayed up during the outage; they are now closed one by one at random over a few seconds,
      // so a restart of the jobs API does not bring every browser back in the same instant.
      for (const socket of io.sockets.sockets.values()) {
        const timer = setTimeout(() => socket.conn.close(), Math.random() * resyncSpreadMs);
        timer.unref();
        socket.once('disconnect', () => clearTimeout(timer));
      }
    }
    everConnected = true;
  });
  upstream.on('disconnect', (reason: string) => {
    stats.upstreamConnected = false;
    logger.warn('relay.upstream_disconnected', { reason });
    // A jobs API shutting down gracefully disconnects us itself, and Socket.IO does not retry after
    // that on its own: reconnect anyway, the API is expected back (a restart, a deploy).
    if (reason === 'io server disconnect' && !closing) setTimeout(() => upstream.connect(), 500).unref();
  });
  upstream.on('connect_error', (error: Error) =>
    logger.warn('relay.upstream_connect_error', { message: error.message }),
  );

  let closing = false;
  const timer = setInterval(() => stats.flush(), 30_000);
  timer.unref();

  return {
    stats,
    async close() {
      closing = true;
      clearInterval(timer);
      upstream.close();
      await io.close();
    },
  };
}
