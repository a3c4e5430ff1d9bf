import { randomUUID } from 'node:crypto';
import { JOB_EVENT, JobEvent, type JobLogEvent, type JobProgressEvent } from '@jobs/contracts';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../logger.js';

export type VolatileEvent = JobProgressEvent | JobLogEvent;

const Envelope = z.object({ origin: z.string(), event: JobEvent });

/**
 * Progress and log events of runs executing anywhere, over Redis pub/sub: one channel, every node
 * publishes what its runners produce and hears what the others do. Pub/sub keeps nothing: while
 * Redis is away, events published meanwhile are gone. That is acceptable for these alone: each
 * progress value is also written to the run's row (the next lifecycle event and any snapshot carry
 * it) and each log line is stored (the log viewer pages it from the API).
 */
export class RedisVolatileBus {
  /** this node, so that its own messages coming back are not delivered twice */
  readonly origin = randomUUID();
  readonly #pub: Redis;
  readonly #sub: Redis;
  readonly #listeners = new Set<(event: VolatileEvent) => void>();
  #down = false;

  constructor(
    url: string,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {
    const options = {
      // while Redis is away a publish fails at once instead of piling up in memory
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (times: number) => Math.min(100 * times, 2000),
      lazyConnect: false,
    };
    this.#pub = new Redis(url, options);
    this.#sub = new Redis(url, { ...options, enableOfflineQueue: true, autoResubscribe: true });
    for (const client of [this.#pub, this.#sub]) {
      client.on('error', (err: Error) => this.#lost(err));
      client.on('ready', () => this.#back());
    }
    this.#sub.subscribe(channel).catch((err: Error) => this.#lost(err));
    this.#sub.on('message', (_channel: string, text: string) => this.#receive(text));
  }

  /** whether both connections are up (tests and health) */
  get ready(): boolean {
    return this.#pub.status === 'ready' && this.#sub.status === 'ready';
  }

  publish(event: VolatileEvent): void {
    if (this.#pub.status !== 'ready') return; // degraded: this node's own sockets still get it
    this.#pub
      .publish(this.channel, JSON.stringify({ origin: this.origin, event }))
      .catch((err: Error) => this.#lost(err));
  }

  on(listener: (event: VolatileEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    for (const client of [this.#pub, this.#sub]) {
      client.removeAllListeners('error');
      client.on('error', () => {});
      client.disconnect();
    }
  }

  #receive(text: string): void {
    let parsed: z.infer<typeof Envelope>;
    try {
      const result = Envelope.safeParse(JSON.parse(text));
      if (!result.success) return;
      parsed = result.data;
    } catch {
      return;
    }
    if (parsed.origin === this.origin) return;
    const { event } = parsed;
    if (event.type !== JOB_EVENT.progress && event.type !== JOB_EVENT.log) return;
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (err) {
        this.logger.error({ err: String(err) }, 'volatile event listener failed');
      }
    }
  }

  #lost(err: Error): void {
    if (this.#down) return;
    this.#down = true;
    this.logger.warn(
      { event: 'redis_unavailable', err: err.message },
      'Redis is unavailable: progress of runs on other nodes pauses (lifecycle still arrives from PostgreSQL)',
    );
  }

  #back(): void {
    if (!this.#down || !this.ready) return;
    this.#down = false;
    this.logger.info({ event: 'redis_available' }, 'Redis is back: progress from every node flows again');
  }
}
