import type { z } from 'zod';

/**
 * The keys a params schema names, when it is an object schema that refuses others silently (zod
 * strips unknown keys): null when the schema accepts any key (a catchall or `passthrough()`) or is
 * not an object schema we can read, and then nothing is checked.
 */
export function knownKeys(schema: z.ZodType | undefined): string[] | null {
  let def = (schema as { _zod?: { def?: ZodDef } } | undefined)?._zod?.def;
  // through the wrappers that keep the object's keys: pipes (transforms), defaults, optionals
  for (let guard = 0; def && guard < 10; guard++) {
    if (def.type === 'object') {
      const catchall = def.catchall?._zod?.def?.type;
      if (catchall !== undefined && catchall !== 'never') return null;
      return Object.keys(def.shape ?? {});
    }
    def = (def.in ?? def.innerType)?._zod?.def;
  }
  return null;
}

interface ZodDef {
  type: string;
  shape?: Record<string, unknown>;
  catchall?: { _zod?: { def?: { type: string } } };
  in?: { _zod?: { def?: ZodDef } };
  innerType?: { _zod?: { def?: ZodDef } };
}

/** The closest known key within `maxDistance` edits (case-insensitive), for a "did you mean". */
export function closestKey(key: string, known: readonly string[], maxDistance = 2): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const distance = levenshtein(key.toLowerCase(), name.toLowerCase());
    if (distance <= maxDistance && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}

function levenshtein(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return Math.abs(a.length - b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
