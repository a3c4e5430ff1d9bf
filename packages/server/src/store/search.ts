import type { JsonObject, JsonValue } from '@jobs/contracts';

/**
 * Search terms: top-level-ish scalars of params and metadata, indexed as `params.userId=8`, so a
 * `params.userId:8` qualifier is an index lookup instead of a JSON scan over every run.
 */
const MAX_TERMS = 32;
const MAX_DEPTH = 3;
const MAX_VALUE_CHARS = 100;

export function termsOf(root: 'params' | 'metadata', value: JsonObject | null): string[] {
  if (!value) return [];
  const out = new Set<string>();
  const walk = (v: JsonValue, path: string, depth: number): void => {
    if (out.size >= MAX_TERMS) return;
    if (v === null || typeof v !== 'object') {
      const text = String(v);
      if (text.length <= MAX_VALUE_CHARS) out.add(`${path}=${text.toLowerCase()}`);
      return;
    }
    if (Array.isArray(v) || depth >= MAX_DEPTH) return;
    for (const [key, child] of Object.entries(v)) walk(child, `${path}.${key}`, depth + 1);
  };
  walk(value, root, 0);
  return [...out];
}

export interface ParsedSearch {
  /** exact run id (`#12847` or `12847`) */
  id: string | null;
  /** `params.userId=8` terms, all required */
  terms: string[];
  /** free text, matched in error messages */
  text: string | null;
}

const QUALIFIER = /^(params|metadata)\.([A-Za-z0-9_.-]{1,100}):(.+)$/;

export function parseSearch(q: string | undefined): ParsedSearch | null {
  const trimmed = q?.trim();
  if (!trimmed) return null;
  const idMatch = /^#?(\d{1,18})$/.exec(trimmed);
  if (idMatch) return { id: String(Number(idMatch[1])), terms: [], text: null };
  const terms: string[] = [];
  const words: string[] = [];
  for (const token of trimmed.split(/\s+/)) {
    const m = QUALIFIER.exec(token);
    if (m) terms.push(`${m[1]}.${m[2]}=${m[3]!.replace(/^"|"$/g, '').toLowerCase()}`);
    else words.push(token);
  }
  const text = words.join(' ');
  return { id: null, terms, text: text ? text : null };
}
