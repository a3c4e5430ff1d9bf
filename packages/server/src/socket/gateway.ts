import type { Server as HttpServer } from 'node:http';
import { apiError, CLIENT_MESSAGE, JOB_EVENT, LogsSubscription } from '@jobs/contracts';
import { Server } from 'socket.io';
import type { JobEvents } from '../engine/events.js';
import type { Logger } from '../logger.js';

const room = (runId: string) => `logs:${runId}`;

/**
 * Socket.IO on the API's port: token auth in the handshake (`auth: { token }`), every contract
 * event to every socket, and log lines only to the sockets that subscribed to that run.
 */
export function attachSocketGateway(
  http: HttpServer,
  deps: { events: JobEvents; isToken: (presented: unknown) => boolean; logger: Logger },
): { io: Server; close(): Promise<void> } {
  const io = new Server(http, { path: '/socket.io', serveClient: false, maxHttpBufferSize: 64 * 1024 });

  io.use((socket, next) => {
    if (deps.isToken(socket.handshake.auth?.token)) return next();
    const err = new Error('Unauthorized') as Error & { data?: unknown };
    err.data = apiError(
      'Unauthorized',
      'Connect with io(url, { auth: { token } }) and the service token',
      false,
    );
    next(err);
  });

  io.on('connection', (socket) => {
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
