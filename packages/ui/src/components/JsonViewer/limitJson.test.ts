import type { JsonValue } from '@jobs/contracts';
import { hostileText } from '@jobs/contracts/testing';
import { describe, expect, it } from 'vitest';
import { limitJson, safeHref } from './limitJson.js';

const limits = { maxEntries: 3, maxNodes: 50, maxString: 5, maxDepth: 2 };

describe('limitJson', () => {
  it('keeps a small value whole', () => {
    const value = { a: 1, b: ['x', null] };
    expect(limitJson(value)).toEqual({ value, nodes: 5, limited: false });
  });

  it('cuts long arrays, objects, strings and deep nesting with visible markers', () => {
    const { value, limited } = limitJson(
      { list: [1, 2, 3, 4, 5], text: 'abcdefgh', deep: { inner: { x: 1 } }, extra: 1 },
      limits,
    );
    expect(limited).toBe(true);
    expect(value).toEqual({
      list: [1, 2, 3, '… 2 more items'],
      text: 'abcde… [+3 chars]',
      deep: { inner: '{…} (1 keys)' },
      '…': '1 more keys',
    });
  });

  it('bounds the work for a huge value', () => {
    const huge: JsonValue = { rows: Array.from({ length: 100_000 }, (_, i) => ({ i, name: `row ${i}` })) };
    const preview = limitJson(huge);
    expect(preview.nodes).toBeLessThanOrEqual(2000);
    expect(preview.limited).toBe(true);
  });

  it('keeps a __proto__ key as data', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}}') as JsonValue;
    const { value } = limitJson(hostile);
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});

describe('safeHref', () => {
  it('allows paths and http(s), refuses script and protocol-relative URLs', () => {
    expect(safeHref('/api/admin/jobs/1/raw/params')).toBe('/api/admin/jobs/1/raw/params');
    expect(safeHref('https://jobs.example/raw')).toBe('https://jobs.example/raw');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('//evil.example/x')).toBeNull();
  });

  it('shows control and bidi characters in keys and strings as escapes', () => {
    const preview = limitJson({ '\u202Eyek': 'a\r\nb', who: hostileText.bidiEmail });
    expect(preview.value).toEqual({ '\\u202Eyek': 'a\\r\\nb', who: '\\u202Emoc.elpmaxe@a' });
  });
});
