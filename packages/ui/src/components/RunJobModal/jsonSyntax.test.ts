import { describe, expect, it } from 'vitest';
import { locateJsonError } from './jsonLocate.js';
import { checkJsonSyntax, lineColumnAt } from './jsonSyntax.js';

describe('checkJsonSyntax', () => {
  it('parses valid JSON', () => {
    expect(checkJsonSyntax('{"userId": 8}')).toEqual({ ok: true, value: { userId: 8 } });
  });

  it('names the line and column of a missing comma', () => {
    const result = checkJsonSyntax('{\n  "a": 1\n  "b": 2\n}');
    expect(result).toMatchObject({ ok: false, line: 3, column: 3 });
    if (!result.ok) expect(result.message).toBe(`Expected ',' or '}', found '"'`);
  });

  it('points at an unexpected token V8 gives no position for', () => {
    expect(checkJsonSyntax('{"a":}')).toMatchObject({
      ok: false,
      line: 1,
      column: 6,
      message: "Unexpected character '}'",
    });
  });

  it('reports a trailing comma, an unterminated string and an early end', () => {
    expect(checkJsonSyntax('[1, 2,]')).toMatchObject({
      ok: false,
      column: 7,
      message: "Trailing comma before ']'",
    });
    expect(checkJsonSyntax('{"a": "b')).toMatchObject({
      ok: false,
      column: 9,
      message: 'Unterminated string',
    });
    expect(checkJsonSyntax('{"a":')).toMatchObject({
      ok: false,
      column: 6,
      message: 'Unexpected end of input',
    });
  });

  it('refuses single quotes, comments and bad numbers', () => {
    expect(checkJsonSyntax("{'a': 1}")).toMatchObject({ ok: false, column: 2 });
    expect(checkJsonSyntax('{"a": 01}')).toMatchObject({ ok: false, message: 'Invalid number' });
    expect(checkJsonSyntax('{"a": 1} // c')).toMatchObject({
      ok: false,
      message: 'Unexpected text after the JSON value',
    });
  });

  it('survives hostile depth without overflowing the stack', () => {
    const deep = `${'['.repeat(200_000)}x`;
    expect(checkJsonSyntax(deep)).toMatchObject({ ok: false, line: 1, column: 200_001 });
  });
});

describe('locateJsonError', () => {
  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['{}', '[]', '"x"', '-1.5e+3', 'true', ' null ', '{"a":[1,{"b":"\\u00e9\\n"}]}']) {
      expect(locateJsonError(text)).toBeNull();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });
});

describe('lineColumnAt', () => {
  it('counts from 1', () => {
    expect(lineColumnAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
