import { hostileEntries, hostileText } from '@jobs/contracts/testing';
import { describe, expect, it } from 'vitest';
import { visibleParts, visibleText } from './visibleText.js';

// Anything that steers or hides what is displayed: C0 but tab, DEL, C1, bidi formatting, zero-width.
const HIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

describe('visibleText', () => {
  it.each(hostileEntries)('leaves nothing invisible in %s', (_name, text) => {
    expect(visibleText(text)).not.toMatch(HIDDEN);
  });

  it('shows a right-to-left override as an escape, so the address reads as written', () => {
    expect(visibleText(hostileText.bidiEmail)).toBe('\\u202Emoc.elpmaxe@a');
  });

  it('shows control characters as JSON-style escapes, readable in any font', () => {
    expect(visibleText('a\r\nb')).toBe('a\\r\\nb');
    expect(visibleText('before\u0000after')).toBe('before\\u0000after');
    expect(visibleText('\u001b[31mred')).toBe('\\u001B[31mred');
    expect(visibleText('next\u0085line')).toBe('next\\u0085line');
    expect(visibleText('del\u007f')).toBe('del\\u007F');
    expect(visibleText(hostileText.zeroWidth)).toBe('ad\\u200Bmin\u200c@\u200dexample\\uFEFF.com\\u2060');
  });

  it('keeps line feeds where several lines are shown, and tabs everywhere', () => {
    expect(visibleText('Error: x\r\n    at y', { multiline: true })).toBe('Error: x\\r\n    at y');
    expect(visibleText('a\tb')).toBe('a\tb');
  });

  it('returns plain text unchanged, emoji joiners and right-to-left letters included', () => {
    expect(visibleText(hostileText.emojiZwj)).toBe(hostileText.emojiZwj);
    expect(visibleText(hostileText.rtl)).toBe(hostileText.rtl);
    expect(visibleParts('plain')).toEqual([{ kind: 'text', text: 'plain' }]);
  });
});
