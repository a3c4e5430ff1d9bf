import { userInfo } from 'node:os';
import { z } from 'zod';

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/**
 * The one boolean dialect of every Jobs Console variable: 1/0, true/false, yes/no, on/off (any
 * case, spaces trimmed); unset or empty takes `fallback`; anything else is a boot error naming
 * the accepted words.
 */
export function envFlag(fallback: boolean) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): boolean => {
      const value = raw?.trim().toLowerCase() ?? '';
      if (value === '') return fallback;
      if (TRUE.has(value)) return true;
      if (FALSE.has(value)) return false;
      ctx.addIssue({
        code: 'custom',
        message: `"${raw}" is not a yes/no value; use 1/0, true/false, yes/no or on/off`,
      });
      return z.NEVER;
    });
}

export type EnvResult<T> = { ok: true; env: T } | { ok: false; problems: string[] };

/** Parses `process.env` (or `source`) with a zod object; problems come back one line per variable. */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined> = process.env,
): EnvResult<z.output<S>> {
  const parsed = schema.safeParse(source);
  if (parsed.success) return { ok: true, env: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(env)'}: ${i.message}`),
  };
}

/**
 * The one way a PostgreSQL URL is read (`DATABASE_URL`): a postgres:// URL; one without a user name
 * gets the OS user's, as libpq and psql do. The driver would take `$USER`, which is unset under
 * npm scripts and service managers, and fail with "no PostgreSQL user name specified".
 */
export function databaseUrl(missing?: string) {
  return z
    .string(missing ? { error: missing } : undefined)
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .transform((raw, ctx): string => {
      try {
        const url = new URL(raw);
        if (!url.username) url.username = userInfo().username;
        return url.toString();
      } catch {
        ctx.addIssue({ code: 'custom', message: 'DATABASE_URL is not a valid URL' });
        return z.NEVER;
      }
    });
}

/** `databaseUrl()` where the variable may be unset or empty (then PostgreSQL is not used). */
export function optionalDatabaseUrl() {
  return z
    .literal('')
    .transform(() => undefined)
    .or(databaseUrl().optional());
}
