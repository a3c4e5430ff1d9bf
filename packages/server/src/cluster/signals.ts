import pg from 'pg';
import type { Logger } from '../logger.js';
import { run } from '../store/postgres/pool.js';

/** PostgreSQL NOTIFY channels between nodes. */
export const CHANNEL = {
  /** payload: a run id whose cancel was recorded; the worker holding it fires its AbortSignal */
  cancel: 'jobs_cancel',
  /** payload: a job name with a new queued run; idle workers look for work at once */
  queued: 'jobs_queued',
} as const;

/** Sends a signal on its own (outside any transaction). Lost signals are fine: heartbeats catch up. */
export async function signal(pool: pg.Pool, channel: string, payload: string): Promise<void> {
  await run(pool, 'SELECT pg_notify($1, $2)', [channel, payload]);
}

/**
 * One LISTEN connection, reconnecting (backing off to 5 s) when it breaks. Whatever was signalled
 * while it was away is not replayed: the durable state (the cancel flag, the queued run) is what
 * counts, and heartbeats and polling find it.
 */
export class SignalListener {
  #client: pg.Client | null = null;
  #closed = false;
  #pause = 250;

  constructor(
    private readonly databaseUrl: string,
    private readonly handlers: Record<string, (payload: string) => void>,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.#connect();
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5000 });
    client.on('notification', (msg) => {
      if (msg.payload !== undefined) this.handlers[msg.channel]?.(msg.payload);
    });
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    try {
      await client.connect();
      for (const channel of Object.keys(this.handlers)) await client.query(`LISTEN ${channel}`);
      this.#client = client;
      this.#pause = 250;
    } catch (err) {
      this.logger.warn({ err: String(err) }, 'signal listener could not connect; trying again');
      void client.end().catch(() => {});
      this.#retry();
    }
  }

  #lost(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = null;
    void client.end().catch(() => {});
    this.#retry();
  }

  #retry(): void {
    if (this.#closed) return;
    const pause = this.#pause;
    this.#pause = Math.min(pause * 2, 5000);
    setTimeout(() => void (this.#closed ? undefined : this.#connect()), pause).unref();
  }

  async close(): Promise<void> {
    this.#closed = true;
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }
}
