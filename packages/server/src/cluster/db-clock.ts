import type pg from 'pg';

/**
 * Time as the database tells it. Every timestamp a worker writes (start, heartbeat, progress, end)
 * and every staleness judgement uses PostgreSQL's clock, so a machine whose own clock is minutes
 * off neither looks dead nor declares others dead. The offset to the local clock is measured at
 * start and every minute (half the round trip taken as the transit time).
 */
export class DbClock {
  #offsetMs = 0;
  #timer: NodeJS.Timeout | null = null;

  /** `skewMs` shifts this process's own clock: tests use it to play a machine whose clock is off. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly skewMs = 0,
  ) {}

  /** the local clock, as this machine (or a test playing a skewed one) sees it */
  local(): number {
    return Date.now() + this.skewMs;
  }

  now(): Date {
    return new Date(this.local() + this.#offsetMs);
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  async sync(): Promise<void> {
    const sent = this.local();
    const { rows } = await this.pool.query<{ t: Date }>('SELECT clock_timestamp() AS t');
    const received = this.local();
    this.#offsetMs = rows[0]!.t.getTime() - (sent + received) / 2;
  }

  async start(everyMs = 60_000): Promise<void> {
    await this.sync();
    this.#timer = setInterval(() => void this.sync().catch(() => {}), everyMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
  }
}
