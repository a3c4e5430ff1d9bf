import { io, type Socket } from 'socket.io-client';
import { ApiUrls } from './api-urls.server.js';

type Handler = (...args: never[]) => void;

/**
 * The relay's one upstream socket, over several jobs API nodes: when the node it is connected to
 * goes away (or refuses), it connects to the next one, backing off from 250 ms to 2 s while none
 * answers. The relay resyncs its browsers after any reconnect, so a failover loses nothing: every
 * node delivers the same lifecycle stream (same seq), and clients refetch from their lastSeq.
 */
export class FailoverSocket {
  readonly urls: ApiUrls;
  readonly #handlers: Array<[string, Handler]> = [];
  #socket: Socket | null = null;
  #timer: NodeJS.Timeout | null = null;
  #delay = 250;
  #closed = false;

  constructor(
    urls: readonly string[],
    private readonly options: { auth: { token: string } },
  ) {
    this.urls = new ApiUrls(urls);
    this.#open(this.urls.current);
  }

  get url(): string {
    return this.urls.current;
  }

  get connected(): boolean {
    return this.#socket?.connected === true;
  }

  on(name: string, handler: Handler): this {
    this.#handlers.push([name, handler]);
    this.#socket?.on(name, handler as never);
    return this;
  }

  emit(name: string, payload: unknown): void {
    if (this.#socket?.connected) this.#socket.emit(name, payload);
  }

  /** reconnects now unless connected or about to (after a server-side disconnect) */
  connect(): void {
    if (this.#closed || this.connected || this.#timer) return;
    this.#open(this.urls.current);
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#socket?.close();
    this.#socket = null;
  }

  #open(url: string): void {
    this.#socket?.removeAllListeners();
    this.#socket?.close();
    const socket = io(url, {
      auth: this.options.auth,
      transports: ['websocket'],
      reconnection: false, // this class decides where to go next
      forceNew: true,
      timeout: 5000,
    });
    this.#socket = socket;
    for (const [name, handler] of this.#handlers) socket.on(name, handler as never);
    socket.on('connect', () => {
      this.#delay = 250;
      this.urls.answered(url);
    });
    socket.on('connect_error', () => this.#next(url));
    socket.on('disconnect', () => this.#next(url));
  }

  #next(failed: string): void {
    if (this.#closed || this.#timer) return;
    const next = this.urls.failed(failed);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (!this.#closed) this.#open(next);
    }, this.#delay);
    this.#timer.unref();
    this.#delay = Math.min(this.#delay * 2, 2000);
  }
}
