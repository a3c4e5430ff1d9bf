// JSON checks without zod: the browser uses them (the JSON viewer, the light parsers) without loading zod.
import type { JsonObject } from './json.js';
import { LIMITS } from './limits.js';

/** Keys that could reach an object's prototype when a value is copied or merged. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Why `value` is not plain, bounded JSON, or null when it is. Iterative, so a hostile depth
 * cannot overflow the stack; the value is checked, never copied, so no key is ever assigned.
 */
export function jsonProblem(value: unknown, maxDepth: number = LIMITS.jsonDepth): string | null {
  const stack: Array<[unknown, number, string]> = [[value, 0, '']];
  while (stack.length > 0) {
    const [v, depth, path] = stack.pop() as [unknown, number, string];
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return `${path || 'value'} must be a finite number`;
      continue;
    }
    if (typeof v !== 'object') return `${path || 'value'} is not JSON (${typeof v})`;
    if (depth >= maxDepth) return `${path || 'value'} is nested deeper than ${maxDepth} levels`;
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) stack.push([item, depth + 1, `${path}[${i}]`]);
      continue;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return `${path || 'value'} is not a plain object`;
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) return `${path ? `${path}.` : ''}${key} is a forbidden key`;
      stack.push([(v as Record<string, unknown>)[key], depth + 1, path ? `${path}.${key}` : key]);
    }
  }
  return null;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && jsonProblem(value) === null;
}

const encoder = new TextEncoder();

/** Byte length of a value's JSON text, as stored and sent. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}
