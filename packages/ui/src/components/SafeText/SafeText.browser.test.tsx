import { hostileEntries, hostileText } from '@jobs/contracts/testing';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeLogLines } from '../../testing/fixtures.js';
import { JobLogViewer } from '../JobLogViewer/JobLogViewer.js';
import { SafeText } from './SafeText.js';

/** The characters in the order Chromium lays them out, left to right (one line of text). */
function visualOrder(element: HTMLElement): string {
  const chars: Array<{ x: number; char: string }> = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (let i = 0; i < text.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getBoundingClientRect();
      if (rect.width > 0) chars.push({ x: rect.left, char: text[i] as string });
    }
  }
  return chars
    .sort((a, b) => a.x - b.x)
    .map((c) => c.char)
    .join('');
}

describe('SafeText in Chromium', () => {
  it('never displays a right-to-left override as a different address', () => {
    render(
      <p data-testid="who">
        Failed login by <SafeText text={hostileText.bidiEmail} /> at 10:23
      </p>,
    );
    const shown = visualOrder(screen.getByTestId('who'));
    expect(shown).not.toContain('a@example.com');
    expect(shown).toContain('\\u202Emoc.elpmaxe@a at 10:23');
  });

  it('isolates right-to-left text from what surrounds it', () => {
    render(<SafeText text={hostileText.rtl} />);
    const bdi = document.querySelector('bdi') as HTMLElement;
    expect(getComputedStyle(bdi).unicodeBidi).toBe('isolate');
  });

  it('keeps every hostile string on one line unless told otherwise', () => {
    for (const [name, text] of hostileEntries) {
      if (name === 'long') continue;
      const { container, unmount } = render(
        <div style={{ width: 2000, whiteSpace: 'pre' }}>
          <SafeText text={text} />
        </div>,
      );
      const bdi = container.querySelector('bdi') as HTMLElement;
      const lineTops = new Set([...bdi.getClientRects()].map((rect) => Math.round(rect.top)));
      expect(lineTops.size, name).toBe(1);
      unmount();
    }
  });

  it('keeps a CRLF inside a log line from drawing over the next row', async () => {
    const lines = makeLogLines(3).map((line, i) =>
      i === 1 ? { ...line, message: hostileText.crlf, level: 'warn' as const } : line,
    );
    render(<JobLogViewer lines={lines} height={300} defaultFollowing={false} />);
    const rows = await screen.findAllByRole('listitem');
    const message = rows[1]?.querySelector('[dir="auto"]') as HTMLElement;
    expect(message.textContent).toContain('first line\\r\\nINJECTED second line\\rcarriage return over');
    const [first, second, third] = rows.map((row) => row.getBoundingClientRect());
    expect(new Set([...message.getClientRects()].map((rect) => Math.round(rect.top))).size).toBe(1);
    expect(message.getBoundingClientRect().bottom).toBeLessThanOrEqual(third?.top ?? 0);
    expect(second?.top).toBeGreaterThanOrEqual(first?.bottom ?? 0);
  });
});
