import { describe, expect, it } from 'vitest';

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
