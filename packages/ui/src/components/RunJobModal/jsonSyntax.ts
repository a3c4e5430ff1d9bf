import type { JsonValue } from '@jobs/contracts';
import { locateJsonError } from './jsonLocate.js';

export type JsonSyntaxResult =
  | { ok: true; value: JsonValue }
  | { ok: false; message: string; line: number; column: number; position: number };

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, position: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(position, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1 };
}

/**
 * Parses JSON and, on failure, says what and where. Engines word JSON.parse errors differently
 * and V8 sometimes names no position at all, so the place comes from our own scanner, which
 * only runs once the native parser has refused the text.
 */
export function checkJsonSyntax(text: string): JsonSyntaxResult {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch (error) {
    const located = locateJsonError(text) ?? {
      position: text.length,
      message: error instanceof Error ? error.message : 'Invalid JSON',
    };
    const { line, column } = lineColumnAt(text, located.position);
    return { ok: false, message: located.message, line, column, position: located.position };
  }
}
