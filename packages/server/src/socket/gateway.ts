import { createHash } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { apiError, CLIENT_MESSAGE, JOB_EVENT, LogsSubscription } from '@jobs/contracts';
import { Server } from 'socket.io';
import type { JobEvents } from '../engine/events.js';
import type { Logger } from '../logger.js';

const room = (runId: string) => `logs:${runId}`;

export interface SocketLimits {
  /** sockets one token may hold open at once (default 200) */
  perToken: number;
  /** messages one socket may send in a second; past it the socket is disconnected (default 50) */
  messagesPerSecond: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = { perToken: 200, messagesPerSecond: 50 };

/**
 * Socket.IO on the API's port: token auth in the handshake (`auth: { token }`), every contract
 * event to every socket, and log lines only to the sockets that subscribed to that run.
 */
export function attachSocketGateway(
  http: HttpServer,
  deps: {
    /** the node's runner events, or in the PostgreSQL mode the whole cluster's (fanout/) */
    events: Pick<JobEvents, 'on'>;
    isToken: (presented: unknown) => boolean;
    logger: Logger;
    limits?: Partial<SocketLimits>;
  },
): { io: Server; close(): Promise<void> } {
  const limits = { ...DEFAULT_SOCKET_LIMITS, ...deps.limits };
  const io = new Server(http, { path: '/socket.io', serveClient: false, maxHttpBufferSize: 64 * 1024 });
  /** open sockets per identity (the token's hash: the token itself is never kept) */
  const open = new Map<string, number>();

  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth?.token;
    if (!deps.isToken(token)) {
      return next(
        refusal(
          'Unauthorized',
          apiError('Unauthorized', 'Connect with io(url, { auth: { token } }) and the service token', false),
        ),
      );
    }
    const identity = createHash('sha256').update(String(token)).digest('hex');
    const count = open.get(identity) ?? 0;
    if (count >= limits.perToken) {
      deps.logger.warn(
        { event: 'socket_refused', reason: 'too many sockets', open: count },
        'socket refused',
      );
      return next(
        refusal(
          'Too many connections',
          apiError(
            'Too many connections',
            `At most ${limits.perToken} sockets per token; close one first`,
            true,
          ),
        ),
      );
    }
    open.set(identity, count + 1);
    socket.once('disconnect', () => {
      const left = (open.get(identity) ?? 1) - 1;
      if (left <= 0) open.delete(identity);
      else open.set(identity, left);
    });
    next();
  });

  io.on('connection', (socket) => {
    // A fixed one-second window per socket: a client past the budget is cut off, not slowed down.
    let windowStart = Date.now();
    let inWindow = 0;
    socket.use((_packet, next) => {
      const now = Date.now();
      if (now - windowStart >= 1000) {
        windowStart = now;
        inWindow = 0;
      }
      if (++inWindow <= limits.messagesPerSecond) return next();
      if (socket.connected) {
        deps.logger.warn(
          { event: 'socket_disconnected', reason: 'message rate', limit: limits.messagesPerSecond },
          'socket sent too many messages; disconnected',
        );
        socket.disconnect(true);
      }
    });
    const subscription = (subscribe: boolean) => (payload: unknown, ack?: unknown) => {
      const parsed = LogsSubscription.safeParse(payload);
      if (parsed.success) {
        if (subscribe) void socket.join(room(parsed.data.jobRunId));
        else void socket.leave(room(parsed.data.jobRunId));
      }
      if (typeof ack === 'function') {
        ack(parsed.success ? { ok: true } : { ok: false, error: 'Expected { jobRunId }' });
      }
    };
    socket.on(CLIENT_MESSAGE.logsSubscribe, subscription(true));
    socket.on(CLIENT_MESSAGE.logsUnsubscribe, subscription(false));
  });

  const off = deps.events.on((event) => {
    if (event.type === JOB_EVENT.log) io.to(room(event.data.jobRunId)).emit(event.type, event);
    else io.emit(event.type, event);
  });

  return {
    io,
    close: async () => {
      off();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
    },
  };
}

function refusal(message: string, data: ReturnType<typeof apiError>): Error & { data: unknown } {
  return Object.assign(new Error(message), { data });
}
