import type { Logger } from '../logger.js';
import { isStoreUnavailable } from '../store/errors.js';
import type { JobStore } from '../store/types.js';

/**
 * Notices when the store says "not now" (`StoreUnavailableError`, from any call, whoever made it)
 * and, until one sweep succeeds, hands the QUEUED runs to the dispatcher again every `everyMs`:
 * a run whose start could not be written is waiting in the store only, and must not stay there
 * until a restart.
 */
export class StoreWatch {
  #troubled = false;
  #timer: NodeJS.Timeout | null = null;
  #sweeping = false;
  #closed = false;

  constructor(
    private readonly sweep: () => Promise<number>,
    private readonly logger: Logger,
    private readonly everyMs = 1000,
  ) {}

  /** The store, reporting to this watch whenever one of its calls fails as unavailable. */
  wrap(store: JobStore): JobStore {
    return new Proxy(store, {
      get: (target, key, receiver) => {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const result = value.apply(target, args);
          if (result instanceof Promise) {
            return result.catch((err: unknown) => {
              if (isStoreUnavailable(err)) this.trouble(err.reason);
              throw err;
            });
          }
          return result;
        };
      },
    });
  }

  trouble(reason: string): void {
    if (this.#closed) return;
    this.#troubled = true;
    if (!this.#timer) {
      this.logger.warn(
        { event: 'store_unavailable', reason },
        'the store is unavailable; queued runs will be dispatched again once it answers',
      );
      this.#timer = setInterval(() => void this.#tick(), this.everyMs);
      this.#timer.unref();
    }
  }

  async #tick(): Promise<void> {
    if (this.#sweeping || this.#closed) return;
    this.#sweeping = true;
    this.#troubled = false; // a failure during the sweep (or the starts it causes) sets it again
    try {
      const requeued = await this.sweep();
      if (!this.#troubled && this.#timer) {
        clearInterval(this.#timer);
        this.#timer = null;
        this.logger.info({ event: 'store_recovered', requeued }, 'the store answers again');
      }
    } catch (err) {
      this.#troubled = true;
      if (!isStoreUnavailable(err)) this.logger.error({ err: String(err) }, 'sweep of queued runs failed');
    } finally {
      this.#sweeping = false;
    }
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}
