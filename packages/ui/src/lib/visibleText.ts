/**
 * User and job text is shown as data, never as layout: characters that would steer or hide
 * what is displayed become visible escapes, written as in JSON so they read the same in any font
 * (Control Pictures such as ␍ are missing from many fonts and show as empty boxes):
 *
 * - C0 controls and DEL: `\r`, `\n`, `\b`, `\f`, else `\u001B`-style, so a CRLF inside a log
 *   line cannot start a new visual row and an ANSI escape shows as `\u001B[31m`;
 * - C1 controls (U+0080–U+009F) and the bidirectional formatting characters (embeddings,
 *   overrides, isolates, LRM/RLM/ALM): `\u202E`-style, so `\u202Emoc.elpmaxe@a` reads as
 *   written, never as "a@example.com";
 * - invisible characters that could hide inside a name (zero-width space, word joiner, BOM).
 *
 * Tab stays (harmless whitespace); a line feed stays only where the caller shows several lines
 * (`multiline`, e.g. a stack trace). Zero-width (non-)joiners stay: emoji and some scripts need them.
 */
export type TextPart = { kind: 'text'; text: string } | { kind: 'control'; text: string; code: number };

export interface VisibleTextOptions {
  /** keep `\n` as a line break (the CR of a CRLF is still shown) */
  multiline?: boolean;
}

const BIDI_AND_INVISIBLE = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;
// Checked before splitting: most text has nothing to mark and is returned as it came.
const NEEDS_MARKING =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

const SHORT_ESCAPES: Record<number, string> = { 8: '\\b', 10: '\\n', 12: '\\f', 13: '\\r' };

function markFor(code: number): string {
  return SHORT_ESCAPES[code] ?? `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function isMarked(char: string, code: number, multiline: boolean): boolean {
  if (code === 0x09) return false;
  if (code === 0x0a) return !multiline;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || BIDI_AND_INVISIBLE.test(char);
}

/** The text split into runs of plain text and single marked characters (with their mark). */
export function visibleParts(text: string, options: VisibleTextOptions = {}): TextPart[] {
  if (!NEEDS_MARKING.test(text)) return text === '' ? [] : [{ kind: 'text', text }];
  const multiline = options.multiline ?? false;
  const parts: TextPart[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const code = text.charCodeAt(i);
    if (!isMarked(char, code, multiline)) continue;
    if (i > start) parts.push({ kind: 'text', text: text.slice(start, i) });
    parts.push({ kind: 'control', text: markFor(code), code });
    start = i + 1;
  }
  if (start < text.length) parts.push({ kind: 'text', text: text.slice(start) });
  return parts;
}

/** The same as plain text: for attributes, `<option>`s, titles and other places without markup. */
export function visibleText(text: string, options: VisibleTextOptions = {}): string {
  if (!NEEDS_MARKING.test(text)) return text;
  return visibleParts(text, options)
    .map((part) => part.text)
    .join('');
}
