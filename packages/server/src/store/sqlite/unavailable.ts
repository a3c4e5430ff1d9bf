import { StoreUnavailableError } from '../errors.js';

/**
 * SQLite's answers that mean "not now" rather than "wrong": another connection holds the write
 * lock (BUSY/LOCKED), the disk or the file's page limit is full (FULL), the file cannot be
 * written (IOERR). Everything else is a real error and is left as it is.
 */
export function asUnavailable(err: unknown): StoreUnavailableError | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new StoreUnavailableError('busy', 'The database is locked by another writer', 1, { cause: err });
  if (code === 'SQLITE_FULL')
    return new StoreUnavailableError('full', 'The database disk is full', 30, { cause: err });
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN')
    return new StoreUnavailableError('io', 'The database file cannot be written', 5, { cause: err });
  return null;
}
