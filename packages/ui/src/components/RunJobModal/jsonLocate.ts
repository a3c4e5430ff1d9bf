/**
 * Finds the first syntax error in JSON text: its offset and a plain-words reason.
 * Iterative (an explicit stack), so `[[[[…` a million deep cannot overflow the call stack.
 */
export function locateJsonError(text: string): { position: number; message: string } | null {
  const stack: Array<'{' | '['> = [];
  let i = 0;
  let mode: 'value' | 'key' | 'after' = 'value';
  const fail = (message: string, at = i) => ({ position: at, message });
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const describe = () =>
    i >= text.length ? 'Unexpected end of input' : `Unexpected character ${show(text[i])}`;

  for (;;) {
    ws();
    if (mode === 'value') {
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          mode = 'after';
        } else mode = c === '{' ? 'key' : 'value';
        continue;
      }
      const end = c === '"' ? scanString(text, i) : scanScalar(text, i);
      if (typeof end !== 'number') return end ?? fail(describe());
      i = end;
      mode = 'after';
    } else if (mode === 'key') {
      if (text[i] !== '"') return fail(`Expected a property name in double quotes, found ${found(text, i)}`);
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      ws();
      if (text[i] !== ':') return fail(`Expected ':' after a property name, found ${found(text, i)}`);
      i++;
      mode = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? fail('Unexpected text after the JSON value') : null;
      const close = top === '{' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return fail(`Expected ',' or '${close}', found ${found(text, i)}`);
      i++;
      ws();
      if (text[i] === close) return fail(`Trailing comma before '${close}'`);
      mode = top === '{' ? 'key' : 'value';
    }
  }
}

type Scan = number | { position: number; message: string };

function scanString(text: string, start: number): Scan {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 34) return i + 1;
    if (code < 0x20)
      return { position: i, message: 'Unescaped control character (e.g. a line break) in a string' };
    if (code === 92) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
          return { position: i, message: 'Bad \\u escape' };
        i += 6;
        continue;
      }
      if (next === undefined || !'"\\/bfnrt'.includes(next))
        return { position: i, message: 'Bad escape in a string' };
      i += 2;
      continue;
    }
    i++;
  }
  return { position: text.length, message: 'Unterminated string' };
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** A number or literal; null when nothing scalar starts here. */
function scanScalar(text: string, start: number): Scan | null {
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, start)) return start + literal.length;
  }
  const c = text[start];
  if (c !== '-' && !(c !== undefined && c >= '0' && c <= '9')) return null;
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(text);
  if (!match) return { position: start, message: 'Invalid number' };
  const end = start + match[0].length;
  const after = text[end];
  if (after !== undefined && /[0-9.eE+-]/.test(after)) return { position: end, message: 'Invalid number' };
  return end;
}

function show(c: string | undefined): string {
  return c === undefined ? 'end of input' : `'${c}'`;
}

function found(text: string, i: number): string {
  return i >= text.length ? 'end of input' : show(text[i]);
}
