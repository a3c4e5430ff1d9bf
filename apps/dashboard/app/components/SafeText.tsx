import { Fragment } from 'react';

// Bidi embeddings, overrides, isolates and marks, plus C0/C1 controls: the characters that can make
// text read differently from what it is (`\u202Emoc.elpmaxe@a` displaying as "a@example.com").
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to show.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ … ␟ (␍, ␊, ␉ …)
  if (code === 0x7f) return '\u2421'; // ␡
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * User-supplied text as it really is: isolated from the surrounding layout (`<bdi>`), with every
 * control or bidi character drawn as a visible marker instead of acting on the text around it.
 */
export function SafeText({ text }: { text: string }) {
  const parts: Array<{ text: string; control: boolean }> = [];
  let last = 0;
  for (const match of text.matchAll(INVISIBLE)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at), control: false });
    parts.push({ text: visible(match[0]), control: true });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), control: false });
  return (
    <bdi className="safe-text">
      {parts.map((p, i) =>
        p.control ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string.
          <span key={i} className="safe-text__control">
            {p.text}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string.
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </bdi>
  );
}
