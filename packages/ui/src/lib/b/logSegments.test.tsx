import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock } from './format.js';
import { splitLogMessage } from './logSegments.js';

describe('splitLogMessage', () => {
  it('finds JSON after a prefix and keeps the tail', () => {
    expect(splitLogMessage('batch done {"n": 3, "ok": true} in 20ms')).toEqual([
      { kind: 'text', text: 'batch done ' },
      { kind: 'json', text: '{"n": 3, "ok": true}' },
      { kind: 'text', text: ' in 20ms' },
    ]);
  });

  it('leaves text that only looks like JSON alone', () => {
    expect(splitLogMessage('set {a} to [b')).toEqual([{ kind: 'text', text: 'set {a} to [b' }]);
    expect(splitLogMessage('<img src=x onerror=alert(1)>')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });
});

describe('format', () => {
  it('formats bytes and clock times', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(300_000)).toBe('300 kB');
    expect(formatBytes(5_242_880)).toBe('5.2 MB');
    expect(formatClock('2026-01-08T10:23:45.120Z')).toBe('10:23:45.120');
    expect(formatClock('nope')).toBe('--:--:--.---');
  });
});

describe('highlightJson', () => {
  it('turns highlight.js tokens into spans with raw text', async () => {
    const { render } = await import('@testing-library/react');
    const { highlightJson } = await import('./highlightJson.js');
    const { container } = render(<code>{highlightJson('{"a": "<b>x</b>", "n": 1}')}</code>);
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('[data-token="string"]')?.textContent).toBe('"<b>x</b>"');
    expect(container.textContent).toBe('{"a": "<b>x</b>", "n": 1}');
  });

  it('rebuilds only text and hljs spans from HTML in the fallback', async () => {
    const { render } = await import('@testing-library/react');
    const { rebuildHighlightHtml } = await import('./highlightJson.js');
    const html =
      '<span class="hljs-attr">&quot;a&quot;</span>: <img src=x onerror="alert(1)"><b>bold</b><span class="evil">e</span>';
    const { container } = render(<code>{rebuildHighlightHtml(html)}</code>);
    expect(container.querySelector('img, b, .evil')).toBeNull();
    expect(container.querySelector('[data-token="attr"]')?.textContent).toBe('"a"');
    expect(container.textContent).toBe('"a": bolde');
  });
});
