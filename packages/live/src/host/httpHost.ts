import type { ActiveResponse, EnqueueRequest, JobRunSummary } from '@jobs/contracts';
import * as light from '@jobs/contracts/light';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { LiveHost } from '../client/types.js';

/**
 * Where the browser reaches the jobs API and its socket. The browser never holds the engine's
 * service token: `apiBase` and the socket are your own backend, which adds the token server-side
 * (or your session cookie authenticates the browser to that backend).
 */
export interface HttpHostOptions {
  /**
   * Your backend's proxy of the engine's API (`/api/admin/jobs`), same origin or absolute, e.g.
   * `/api/jobs`. Requests go to `${apiBase}/active`, `/history`, `/<id>/cancel`, `/<id>/retry`,
   * `/enqueue`, with the engine's request and answer shapes (docs/contract.md, "HTTP API").
   */
  apiBase: string;
  socket?: {
    /** Origin of the socket server; default: the page's own origin. */
    url?: string;
    /** Socket.IO path; default `/socket.io`. */
    path?: string;
    /**
     * The handshake's `auth` payload your backend checks (a session token, a CSRF-bound ticket):
     * an object, or a function called on every (re)connect for a fresh value.
     */
    auth?: Record<string, unknown> | ((cb: (data: Record<string, unknown>) => void) => void);
    /** Send cookies to a socket server on another origin. Default true. */
    withCredentials?: boolean;
  };
  /** Extra request headers (a CSRF token, say): an object, or a function for fresh values per request. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** `fetch`'s credentials mode; default `same-origin` (cookies go to your backend). */
  credentials?: RequestCredentials;
  /** Runs the panel is seeded with (the first history page). Default 50. */
  historyPageSize?: number;
  /** Called on a 401 from the API (the session ended), before the request fails. */
  onUnauthorized?: () => void;
  /** The fetch to use (tests, instrumentation); default the global one. */
  fetch?: typeof fetch;
}

/** The I/O part of a `LiveHost`: spread it and add `storage`, `notify`, `onError`… as you need. */
export type HttpHost = Pick<
  LiveHost,
  'connect' | 'fetchActive' | 'fetchRecentRuns' | 'cancelRun' | 'retryRun' | 'enqueue'
>;

/**
 * A `LiveHost` for an app whose backend proxies the jobs engine's HTTP API and socket: no
 * framework, no Remix. Every answer is parsed with the contract's schemas; a failed request throws
 * an `Error` whose message is the API's `details` (what the toast shows).
 */
export function createHttpHost(options: HttpHostOptions): HttpHost {
  const base = options.apiBase.replace(/\/+$/, '');
  const pageSize = options.historyPageSize ?? 50;

  async function request<T>(path: string, schema: light.LightParser<T>, body?: unknown): Promise<T> {
    const doFetch = options.fetch ?? fetch;
    const extra = typeof options.headers === 'function' ? options.headers() : (options.headers ?? {});
    const response = await doFetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      credentials: options.credentials ?? 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...extra,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await response.json().catch(() => null);
    if (response.status === 401) options.onUnauthorized?.();
    if (!response.ok) {
      const error = light.ApiErrorAnswer.safeParse(json);
      const message = error.success ? (error.data.details ?? error.data.error) : undefined;
      throw new Error(message ?? `Request failed (${response.status})`);
    }
    return schema.parse(json);
  }

  const runOf = (answer: { run: JobRunSummary }) => answer.run;
  const id = (runId: string) => encodeURIComponent(runId);

  return {
    connect: (): Socket => {
      const socket = options.socket ?? {};
      const settings: Partial<ManagerOptions & SocketOptions> = {
        path: socket.path ?? '/socket.io',
        autoConnect: false,
        withCredentials: socket.withCredentials ?? true,
        transports: ['websocket'],
        ...(socket.auth ? { auth: socket.auth } : {}),
      };
      return socket.url ? io(socket.url, settings) : io(settings);
    },
    fetchActive: (): Promise<ActiveResponse> => request('/active', light.ActiveResponse),
    fetchRecentRuns: () => request(`/history?pageSize=${pageSize}`, light.HistoryRuns).then((h) => h.runs),
    cancelRun: (runId) => request(`/${id(runId)}/cancel`, light.RunResponse, {}).then(runOf),
    retryRun: (runId) => request(`/${id(runId)}/retry`, light.RunResponse, {}).then(runOf),
    enqueue: (req: EnqueueRequest) => request('/enqueue', light.RunResponse, req).then(runOf),
  };
}
