import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Env } from './env.server.js';
import { hashPassword, randomPassword, verifyPassword } from './password.server.js';

export type Role = 'admin' | 'viewer';
export interface User {
  email: string;
  role: Role;
}
interface StoredUser extends User {
  passwordHash: string;
}

export interface UserDirectory {
  authenticate(email: string, password: string): Promise<User | null>;
  find(email: string): User | null;
  /** Set only on the start that created the dev admin, so its password is printed exactly once. */
  createdDevAdmin: { email: string; password: string } | null;
}

const DEV_ADMIN_EMAIL = 'admin@localhost';
const DevAdminFile = z.object({ email: z.string(), passwordHash: z.string() });

/** Without ADMIN_*, a dev admin is created once; only its hash is kept, so a restart keeps the same login. */
async function devAdmin(
  dataDir: string,
): Promise<{ user: StoredUser; created: UserDirectory['createdDevAdmin'] }> {
  const file = path.join(dataDir, 'dev-admin.json');
  if (existsSync(file)) {
    const saved = DevAdminFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    return { user: { ...saved, role: 'admin' }, created: null };
  }
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  writeFileSync(file, JSON.stringify({ email: DEV_ADMIN_EMAIL, passwordHash }), { mode: 0o600 });
  return {
    user: { email: DEV_ADMIN_EMAIL, role: 'admin', passwordHash },
    created: { email: DEV_ADMIN_EMAIL, password },
  };
}

// A fixed hash to verify against when the email is unknown, so timing does not reveal which emails exist.
const DECOY_HASH = hashPassword(randomPassword());

export async function createUserDirectory(env: Env): Promise<UserDirectory> {
  const users = new Map<string, StoredUser>();
  let createdDevAdmin: UserDirectory['createdDevAdmin'] = null;
  if (env.admin) {
    users.set(env.admin.email.toLowerCase(), {
      email: env.admin.email,
      role: 'admin',
      passwordHash: await hashPassword(env.admin.password),
    });
  } else {
    const dev = await devAdmin(env.dataDir);
    users.set(dev.user.email.toLowerCase(), dev.user);
    createdDevAdmin = dev.created;
  }
  if (env.viewer) {
    users.set(env.viewer.email.toLowerCase(), {
      email: env.viewer.email,
      role: 'viewer',
      passwordHash: await hashPassword(env.viewer.password),
    });
  }
  return {
    createdDevAdmin,
    find(email) {
      const user = users.get(email.toLowerCase());
      return user ? { email: user.email, role: user.role } : null;
    },
    async authenticate(email, password) {
      const user = users.get(email.trim().toLowerCase());
      const ok = await verifyPassword(password, user?.passwordHash ?? (await DECOY_HASH));
      return ok && user ? { email: user.email, role: user.role } : null;
    },
  };
}
