import type { JsonObject, JsonValue } from '@jobs/contracts';
import { parseParamsText } from './runJobForm.js';

/** Keys the contract refuses at any depth; never assigned. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The params an example shows, so one click puts them in the editor. Examples are written for
 * people: a JSON object, a CLI line with `--key=value` flags, or a curl call whose body holds
 * `"params": {…}`. Anything else has no params to load (null).
 */
export function paramsFromExample(example: string): JsonObject | null {
  const text = example.trim();
  if (text.startsWith('{')) {
    const whole = parseParamsText(text);
    return whole.ok ? whole.params : null;
  }
  const body = /-d\s+'([^']*)'/.exec(text)?.[1];
  if (body !== undefined) {
    const parsed = parseParamsText(body);
    const params = parsed.ok ? parsed.params.params : undefined;
    return params && typeof params === 'object' && !Array.isArray(params) ? params : null;
  }
  const flags = [...text.matchAll(/(?:^|\s)--([A-Za-z_][\w.-]*)=(\S+)/g)];
  if (flags.length === 0) return null;
  const params: JsonObject = {};
  for (const [, key = '', raw = ''] of flags) if (!FORBIDDEN.has(key)) params[key] = flagValue(raw);
  return params;
}

/** `100` → 100, `true` → true, `"x"` → "x", anything else stays the text it is. */
function flagValue(raw: string): JsonValue {
  if (/^-?\d{1,15}(\.\d+)?$/.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (raw.startsWith('"') || raw.startsWith('[') || raw.startsWith('{')) {
    try {
      return JSON.parse(raw) as JsonValue;
    } catch {
      return raw;
    }
  }
  return raw;
}
