import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCookie, createSessionStorage, type Session, type SessionStorage } from '@remix-run/node';
import type { Role } from './users.server.js';

export interface SessionData {
  email: string;
  role: Role;
}
export type AppSession = Session<SessionData>;

interface Record_ {
  data: Partial<SessionData>;
  expires: number | null;
}

export const MAX_AGE_S = 60 * 60 * 12;

export interface Sessions {
  storage: SessionStorage<SessionData>;
  /** Called with the id of every session that ends, so open sockets of that session can be closed. */
  onEnd(listener: (id: string) => void): void;
}

/** The cookie holds only the signed session id. */
export function sessionCookie(secret: string) {
  return createCookie('__session', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: MAX_AGE_S,
    secrets: [secret],
  });
}

export const newSessionId = () => randomBytes(24).toString('base64url');

/**
 * Sessions live server-side (the cookie holds only a signed id) so logging out really ends them,
 * sockets included, and a restart keeps them: the table is written to a file under the data dir.
 */
export function createFileSessions(dataDir: string, secret: string): Sessions {
  const file = path.join(dataDir, 'sessions.json');
  const table = new Map<string, Record_>(
    existsSync(file) ? Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record_>) : [],
  );
  const listeners: Array<(id: string) => void> = [];
  const save = () => {
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(table)), { mode: 0o600 });
    renameSync(tmp, file);
  };
  const end = (id: string) => {
    if (!table.delete(id)) return;
    save();
    for (const listener of listeners) listener(id);
  };
  const expired = (r: Record_) => r.expires !== null && r.expires < Date.now();

  const cookie = sessionCookie(secret);
  const storage = createSessionStorage<SessionData>({
    cookie,
    async createData(data, expires) {
      const id = newSessionId();
      table.set(id, { data, expires: expires?.getTime() ?? null });
      save();
      return id;
    },
    async readData(id) {
      const r = table.get(id);
      if (!r) return null;
      if (expired(r)) {
        end(id);
        return null;
      }
      return r.data;
    },
    async updateData(id, data, expires) {
      table.set(id, { data, expires: expires?.getTime() ?? null });
      save();
    },
    async deleteData(id) {
      end(id);
    },
  });
  setInterval(() => {
    for (const [id, r] of table) if (expired(r)) end(id);
  }, 60_000).unref();
  return { storage, onEnd: (listener) => listeners.push(listener) };
}
