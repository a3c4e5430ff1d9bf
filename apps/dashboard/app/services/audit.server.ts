import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { logger } from './logger.server.js';

export interface AuditEntry {
  at: string;
  /** Always an authenticated identity: failed logins are kept apart (see login-throttle.server.ts). */
  who: string;
  action: string;
  runId: string | null;
  outcome: 'ok' | 'error' | 'denied';
  detail: string | null;
}

export interface AuditLog {
  record(entry: Omit<AuditEntry, 'at'>): void;
  /** Newest first. */
  recent(limit: number): Promise<AuditEntry[]>;
}

const KEEP = 2000;

/** Append-only JSON lines under the data dir; the newest entries are also kept in memory for the page. */
export function createAuditLog(dataDir: string): AuditLog {
  const file = path.join(dataDir, 'audit.log');
  const entries: AuditEntry[] = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .slice(-KEEP)
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as AuditEntry];
          } catch {
            return [];
          }
        })
    : [];
  return {
    record(partial) {
      const entry: AuditEntry = { at: new Date().toISOString(), ...partial };
      entries.push(entry);
      if (entries.length > KEEP) entries.splice(0, entries.length - KEEP);
      appendFileSync(file, `${JSON.stringify(entry)}\n`);
      logger.info('audit', { ...entry });
    },
    async recent(limit) {
      return entries.slice(-limit).reverse();
    },
  };
}
