import { isLifecycleEvent, JOB_EVENT, type JobEvent } from '@jobs/contracts';
import type { JobEvents } from '../engine/events.js';
import type { Logger } from '../logger.js';
import { PostgresLifecycleTail } from './lifecycle-tail.js';
import { RedisVolatileBus } from './volatile-bus.js';

export interface ClusterFanoutOptions {
  databaseUrl: string;
  /** progress and log events across nodes; without it a node delivers only its own runs' ones */
  redisUrl?: string | undefined;
  /** Redis channel prefix: nodes that share it share events (default `jobs`) */
  redisPrefix?: string | undefined;
  /** this node's runner events: lifecycle ones wake the tail, volatile ones are published */
  events: JobEvents;
  /** the seq the tail starts after (the store's current seq at start) */
  fromSeq: number;
  logger: Logger;
  /** `worker`: publishes only (a worker process serves no sockets) */
  role?: 'gateway' | 'worker';
  pollMs?: number;
}

/**
 * What a node's socket gateway delivers in the PostgreSQL mode: the lifecycle stream of the whole
 * cluster from `run_events` (never just what this process wrote), and the progress and log events
 * of every node's runs (Redis pub/sub), its own delivered directly so they flow without Redis.
 */
export class ClusterFanout {
  readonly tail: PostgresLifecycleTail;
  readonly bus: RedisVolatileBus | null;
  readonly #listeners = new Set<(event: JobEvent) => void>();
  readonly #off: Array<() => void> = [];

  constructor(private readonly options: ClusterFanoutOptions) {
    const { logger } = options;
    const gateway = (options.role ?? 'gateway') === 'gateway';
    this.tail = new PostgresLifecycleTail(options.databaseUrl, options.fromSeq, logger, {
      ...(options.pollMs ? { pollMs: options.pollMs } : {}),
      notifyOnly: !gateway,
    });
    this.bus = options.redisUrl
      ? new RedisVolatileBus(options.redisUrl, `${options.redisPrefix ?? 'jobs'}:volatile`, logger)
      : null;
    if (gateway) {
      this.#off.push(this.tail.on((event) => this.#send(event)));
      if (this.bus) this.#off.push(this.bus.on((event) => this.#send(event)));
    }
    this.#off.push(
      options.events.on((event) => {
        if (isLifecycleEvent(event)) {
          if (gateway) this.tail.wake(); // this node's own commit: read it now, not at the NOTIFY
          this.tail.notifyAll();
          return;
        }
        if (event.type !== JOB_EVENT.progress && event.type !== JOB_EVENT.log) return;
        if (gateway) this.#send(event);
        this.bus?.publish(event);
      }),
    );
  }

  on(listener: (event: JobEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    for (const off of this.#off) off();
    this.#listeners.clear();
    await this.tail.close();
    await this.bus?.close();
  }

  #send(event: JobEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (err) {
        this.options.logger.error({ err: String(err), type: event.type }, 'event listener failed');
      }
    }
  }
}
