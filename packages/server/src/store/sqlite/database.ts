import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './schema.js';

export interface OpenOptions {
  /**
   * How long one statement waits for another process's write lock, blocking the event loop
   * (better-sqlite3 is synchronous). Kept short: the store retries asynchronously instead.
   */
  busyTimeoutMs?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 10;

/**
 * Opens (and migrates) the SQLite file. Runs hold params, errors and logs that may be private:
 * a new data folder is created 0700 and the database files are 0600, whatever the umask.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const inMemory = file === ':memory:';
  if (!inMemory) {
    const dir = path.dirname(path.resolve(file));
    if (!existsSync(dir)) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chmodSync(dir, 0o700); // mkdir's mode is masked by the umask
    }
    // Created 0600 before SQLite opens it, so it is never readable by others, even briefly; SQLite
    // gives the -wal and -shm files it creates the database file's mode.
    if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      try {
        if (existsSync(f)) chmodSync(f, 0o600); // files from an older version were 0644
      } catch {
        // not ours to change (another owner, a read-only mount): opening decides whether it works
      }
    }
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
  // Reads of a large history come from memory: a 64 MB page cache and the file mapped (256 MB).
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}
