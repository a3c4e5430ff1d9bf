import type { JsonValue } from '@jobs/contracts';
import { visibleText } from '../../lib/visibleText.js';

export interface JsonLimits {
  /** entries kept per object or array; the rest become one "… N more" marker */
  maxEntries: number;
  /** values (of any kind) kept in the whole preview: bounds the work for a 5 MB value */
  maxNodes: number;
  /** characters kept per string */
  maxString: number;
  /** nesting kept; deeper containers become a one-line summary */
  maxDepth: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = {
  maxEntries: 100,
  maxNodes: 2000,
  maxString: 2000,
  maxDepth: 12,
};

export interface JsonPreview {
  value: JsonValue;
  /** values kept */
  nodes: number;
  /** whether anything was left out or cut */
  limited: boolean;
}

/**
 * A bounded copy of a JSON value for display: the tree viewer renders what it is given, so a
 * huge value is cut here, in time proportional to the limits rather than to the value. Keys are
 * defined, never assigned, so a `__proto__` key stays data. Keys and strings show control and
 * bidi characters as marks (`visibleText`): a `\u202E` in a param cannot reverse what it shows.
 */
export function limitJson(input: JsonValue, limits: JsonLimits = DEFAULT_JSON_LIMITS): JsonPreview {
  let nodes = 0;
  let limited = false;

  const visit = (value: JsonValue, depth: number): JsonValue => {
    nodes++;
    if (typeof value === 'string') {
      if (value.length <= limits.maxString) return visibleText(value);
      limited = true;
      return `${visibleText(value.slice(0, limits.maxString))}… [+${(value.length - limits.maxString).toLocaleString('en-US')} chars]`;
    }
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      if (depth >= limits.maxDepth && value.length > 0) {
        limited = true;
        return `[…] (${value.length} items)`;
      }
      const out: JsonValue[] = [];
      for (const item of value) {
        if (out.length >= limits.maxEntries || nodes >= limits.maxNodes) break;
        out.push(visit(item, depth + 1));
      }
      if (out.length < value.length) {
        limited = true;
        out.push(`… ${(value.length - out.length).toLocaleString('en-US')} more items`);
      }
      return out;
    }
    const keys = Object.keys(value);
    if (depth >= limits.maxDepth && keys.length > 0) {
      limited = true;
      return `{…} (${keys.length} keys)`;
    }
    const out: { [key: string]: JsonValue } = {};
    let kept = 0;
    for (const key of keys) {
      if (kept >= limits.maxEntries || nodes >= limits.maxNodes) break;
      define(out, visibleText(key), visit(value[key] as JsonValue, depth + 1));
      kept++;
    }
    if (kept < keys.length) {
      limited = true;
      define(out, '…', `${(keys.length - kept).toLocaleString('en-US')} more keys`);
    }
    return out;
  };

  const value = visit(input, 0);
  return { value, nodes, limited };
}

function define(target: object, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Only same-origin paths and http(s) URLs may become links: a `javascript:` href from data stays text. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
