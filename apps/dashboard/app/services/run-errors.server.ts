import { trimPaths } from './trim-paths.server.js';
import type { Role } from './users.server.js';

/**
 * Stack traces are for admins, and even they see no absolute server paths. Walks any JSON answer
 * (a run, a list of summaries, an event) and fixes every `error: { stack }` it finds.
 */
export function errorsFor<T>(value: T, role: Role): T {
  return walk(value, role) as T;
}

function walk(value: unknown, role: Role): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, role));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'error' && v && typeof v === 'object' && !Array.isArray(v) && 'stack' in v) {
      const { stack, ...rest } = v as { stack?: unknown };
      out[key] = role === 'admin' && typeof stack === 'string' ? { ...rest, stack: trimPaths(stack) } : rest;
    } else out[key] = walk(v, role);
  }
  return out;
}
