import { describe, expect, it } from 'vitest';
import { JsonObject, jsonBytes, jsonProblem } from './json.js';

describe('JsonObject', () => {
  it('accepts plain nested JSON and returns the same object, uncopied', () => {
    const value = { a: 1, b: [true, null, 'x', { c: 2.5 }] };
    expect(JsonObject.parse(value)).toBe(value);
  });

  it.each([
    ['an array', [1, 2]],
    ['null', null],
    ['a string', 'x'],
    ['a number', 3],
  ])('rejects %s at the top level', (_label, value) => {
    expect(JsonObject.safeParse(value).success).toBe(false);
  });

  it.each([
    ['NaN', { n: Number.NaN }],
    ['Infinity', { n: Number.POSITIVE_INFINITY }],
    ['-Infinity inside an array', { list: [1, Number.NEGATIVE_INFINITY] }],
    ['a function', { f: () => 1 }],
    ['undefined', { u: undefined }],
    ['a Date (not plain)', { d: new Date(0) }],
    ['a Map (not plain)', { m: new Map() }],
  ])('rejects %s', (_label, value) => {
    expect(JsonObject.safeParse(value).success).toBe(false);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the prototype key %s at any depth', (key) => {
    const parsedTop = JSON.parse(`{"${key}": {"polluted": true}}`);
    const parsedDeep = JSON.parse(`{"a": {"b": [{"${key}": {"polluted": true}}]}}`);
    expect(JsonObject.safeParse(parsedTop).success).toBe(false);
    const deep = JsonObject.safeParse(parsedDeep);
    expect(deep.success).toBe(false);
    expect(deep.error?.issues[0]?.message).toContain(`a.b[0].${key}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects nesting deeper than the limit without overflowing the stack', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) {
      const next = {};
      deep.x = next;
      deep = next;
    }
    expect(jsonProblem(root)).toMatch(/nested deeper than 32/);
  });

  it('accepts 10 kB strings and hostile text as data', () => {
    expect(
      JsonObject.safeParse({ name: 'x'.repeat(10_000), html: '<img src=x onerror=alert(1)>' }).success,
    ).toBe(true);
  });

  it('counts bytes of the JSON text in UTF-8', () => {
    expect(jsonBytes({ a: 'é' })).toBe('{"a":"é"}'.length + 1);
  });
});
