import type { Server as HttpServer } from 'node:http';
import { CLIENT_MESSAGE, JOB_EVENT, JOB_EVENT_NAMES, LogsSubscription } from '@jobs/contracts';
import { Server, type Socket } from 'socket.io';
import { io as connectUpstream } from 'socket.io-client';
import { logger } from './logger.server.js';
import { RelayStats } from './relay-stats.server.js';
import type { Sessions } from './session.server.js';
import type { UserDirectory } from './users.server.js';

interface BrowserData {
  email: string;
  sessionId: string;
  logs: Set<string>;
}

export interface RelayOptions {
  http: HttpServer;
  upstreamUrl: string;
  token: string;
  sessions: Sessions;
  users: UserDirectory;
}

export type Relay = ReturnType<typeof createRelay>;

const logsRoom = (runId: string) => `logs:${runId}`;

function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Browsers connect here (the dashboard's own origin, session cookie); one upstream connection with the
 * service token feeds them all, so the token never leaves the server and the engine sees one client.
 */
export function createRelay({ http, upstreamUrl, token, sessions, users }: RelayOptions) {
  const stats = new RelayStats();
  const io = new Server(http, { path: '/socket.io', serveClient: false });
  const upstream = connectUpstream(upstreamUrl, {
    auth: { token },
    transports: ['websocket'],
    reconnectionDelayMax: 2000,
  });
  const logRefs = new Map<string, number>();

  io.use(async (socket, next) => {
    const { headers } = socket.handshake;
    if (!sameOrigin(headers.origin, headers.host)) return next(new Error('cross-origin socket refused'));
    const session = await sessions.storage.getSession(headers.cookie ?? null);
    const email = session.get('email');
    if (!email || !session.id || !users.find(email)) return next(new Error('unauthorized'));
    const data: BrowserData = { email, sessionId: session.id, logs: new Set() };
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
    logger.info('relay.browser_connected', { email: data.email, sockets: stats.browserSockets });
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
      else io.emit(name, event);
    });
  }

  let everConnected = false;
  upstream.on('connect', () => {
    stats.upstreamConnected = true;
    logger.info('relay.upstream_connected', { url: upstreamUrl, reconnect: everConnected });
    for (const runId of logRefs.keys()) upstream.emit(CLIENT_MESSAGE.logsSubscribe, { jobRunId: runId });
    if (everConnected) {
      stats.upstreamReconnects++;
      // Events were missed while upstream was away: drop browser transports so each client reconnects
      // and refetches its snapshot (closing the transport, unlike disconnect(), lets clients reconnect).
      for (const socket of io.sockets.sockets.values()) socket.conn.close();
    }
    everConnected = true;
  });
  upstream.on('disconnect', (reason) => {
    stats.upstreamConnected = false;
    logger.warn('relay.upstream_disconnected', { reason });
  });
  upstream.on('connect_error', (error) =>
    logger.warn('relay.upstream_connect_error', { message: error.message }),
  );

  const timer = setInterval(() => stats.flush(), 30_000);
  timer.unref();

  return {
    stats,
    async close() {
      clearInterval(timer);
      upstream.close();
      await io.close();
    },
  };
}
