/**
 * Errors every `JobStore` implementation throws in these terms, whatever its engine, so the
 * service and the HTTP layer never depend on one store.
 */

/** A history query the store cannot answer as asked (a foreign cursor, a page too deep). */
export class HistoryQueryError extends Error {
  override name = 'HistoryQueryError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export type UnavailableReason = 'busy' | 'full' | 'unreachable' | 'io';

/**
 * The store cannot take the call right now (locked by another writer, disk full, server gone).
 * Nothing was written by the failed call; the same call can be tried again later.
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  constructor(
    readonly reason: UnavailableReason,
    message: string,
    /** a hint for clients (`Retry-After`) */
    readonly retryAfterSeconds = reason === 'full' ? 30 : 1,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isStoreUnavailable(err: unknown): err is StoreUnavailableError {
  return err instanceof StoreUnavailableError;
}
