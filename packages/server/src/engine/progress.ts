import { type JobProgress, LIMITS } from '@jobs/contracts';

/**
 * Per run: at most one flush per interval, the latest value wins, and the last value is always
 * flushed (on the trailing edge, or by `close()` before the run's terminal transition).
 */
export class ProgressCoalescer {
  #current: JobProgress = {};
  #dirty = false;
  #lastFlush = 0;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;
  /** the writes already on their way; the run's end must not overtake them */
  #inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly flush: (progress: JobProgress, at: Date) => Promise<void>,
    private readonly intervalMs: number = LIMITS.progressIntervalMs,
  ) {}

  push(update: JobProgress): void {
    if (this.#closed) return;
    this.#current = { ...this.#current, ...clean(update) };
    this.#dirty = true;
    if (this.#timer) return;
    const wait = this.#lastFlush + this.intervalMs - Date.now();
    if (wait <= 0) void this.#flushNow();
    else this.#timer = setTimeout(() => void this.#flushNow(), wait);
  }

  async #flushNow(): Promise<void> {
    this.#timer = null;
    if (!this.#dirty) return;
    this.#dirty = false;
    this.#lastFlush = Date.now();
    const write = this.flush({ ...this.#current }, new Date(this.#lastFlush));
    // (settled to nothing, so a long run's chain of writes keeps no values)
    this.#inFlight = Promise.allSettled([this.#inFlight, write]).then(() => undefined);
    await write;
  }

  /**
   * Flushes what is pending, then ignores further updates. The last value still keeps the
   * interval: the run's end waits for it (at most one interval), so it is never dropped. It also
   * waits for a write already on its way: a store takes a progress write only while the run is
   * RUNNING, so an end committed first would drop the last value.
   */
  async close(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#closed = true;
    if (this.#dirty) {
      const wait = this.#lastFlush + this.intervalMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await this.#flushNow();
    }
    await this.#inFlight;
  }
}

function clean(update: JobProgress): JobProgress {
  const out: JobProgress = {};
  if (typeof update.percent === 'number' && Number.isFinite(update.percent))
    out.percent = Math.min(100, Math.max(0, update.percent));
  if (typeof update.message === 'string') out.message = update.message.slice(0, 500);
  if (typeof update.current === 'number' && Number.isFinite(update.current)) out.current = update.current;
  if (typeof update.total === 'number' && Number.isFinite(update.total)) out.total = update.total;
  return out;
}
