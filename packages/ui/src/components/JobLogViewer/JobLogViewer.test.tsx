import type { LogLine } from '@jobs/contracts';
import { hostileStrings } from '@jobs/contracts/testing';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { visibleText } from '../../lib/visibleText.js';
import { HOSTILE_TEXT } from '../../testing/fixtures.js';
import { JobLogViewer } from './JobLogViewer.js';
import { LogRow, renderMessage } from './LogRow.js';

const line = (message: string, level: LogLine['level'] = 'info'): LogLine => ({
  seq: 1,
  at: '2026-01-08T10:23:45.120Z',
  level,
  message,
});

// jsdom has no layout, so react-virtual renders no rows here; rows are tested one by one and the
// virtualized list in Chromium (JobLogViewer.browser.test.tsx).
describe('LogRow', () => {
  it('shows time, level as text and the message', () => {
    const { container } = render(
      <LogRow line={line('Processing batch 3', 'warn')} index={0} count={1} top={0} />,
    );
    const row = container.firstElementChild as HTMLElement;
    expect(row).toHaveAttribute('data-level', 'warn');
    expect(row).toHaveTextContent('10:23:45.120WARNProcessing batch 3');
  });

  it('highlights JSON inside a line as spans, keeping the text exact', () => {
    const message = 'done {"users": 3, "ok": true, "name": "a"} in 2ms';
    const { container } = render(<LogRow line={line(message)} index={0} count={1} top={0} />);
    expect(container.querySelector('[data-token="attr"]')).toHaveTextContent('"users"');
    expect(container.querySelector('[data-token="number"]')).toHaveTextContent('3');
    expect(container.querySelector('[data-token="literal"]')).toHaveTextContent('true');
    expect(container.textContent).toContain(message);
  });

  it('keeps hostile text inert, in plain text and inside JSON', () => {
    const plain = line(HOSTILE_TEXT);
    const inJson = line(`payload {"html": "${HOSTILE_TEXT}", "<script>": "</code><img src=y>"}`);
    const { container } = render(
      <>
        <LogRow line={plain} index={0} count={2} top={0} />
        <LogRow line={inJson} index={1} count={2} top={20} />
      </>,
    );
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain(HOSTILE_TEXT);
    expect(container.textContent).toContain('"</code><img src=y>"');
  });

  it('highlights URLs, quoted strings and numbers in plain text, keeping the text exact', () => {
    const message = `fetched https://cdn.example.com/a?b=1, for "user 42" in 120ms: 3 of 5 ('media') don't retry`;
    const { container } = render(<LogRow line={line(message)} index={0} count={1} top={0} />);
    const tokens = (token: string) =>
      [...container.querySelectorAll(`[data-token="${token}"]`)].map((el) => el.textContent);
    expect(tokens('link')).toEqual(['https://cdn.example.com/a?b=1']);
    expect(tokens('string')).toEqual(['"user 42"', "'media'"]);
    expect(tokens('number')).toEqual(['120ms', '3', '5']);
    expect(container.querySelector('[dir="auto"]')?.textContent).toBe(message);
  });

  it('keeps every hostile string as text, whatever the highlighter finds in it', () => {
    for (const hostile of hostileStrings) {
      const message = `got "${hostile}" from https://x.test/${hostile} 42 ${hostile}`;
      const { container, unmount } = render(<LogRow line={line(message)} index={0} count={1} top={0} />);
      expect(container.querySelector('img, script, iframe, svg, a, [onerror], [onload]')).toBeNull();
      // Exactly the line, with control and bidi characters shown as marks: nothing was read as markup.
      expect(container.querySelector('[dir="auto"]')?.textContent).toBe(visibleText(message));
      unmount();
    }
  });

  it('renders a line once and reuses it', () => {
    const l = line('x {"a": 1}');
    expect(renderMessage(l)).toBe(renderMessage(l));
  });
});

describe('JobLogViewer', () => {
  it('shows empty, loading and error states', () => {
    const { rerender } = render(<JobLogViewer lines={[]} />);
    expect(screen.getByText('No log lines yet.')).toBeInTheDocument();
    rerender(<JobLogViewer lines={[]} loading />);
    expect(screen.getByText('Loading logs…')).toBeInTheDocument();
    rerender(<JobLogViewer lines={[]} error="Log stream unavailable" />);
    expect(screen.getByRole('alert')).toHaveTextContent('Log stream unavailable');
  });

  it('starts following the tail and counts lines', () => {
    render(<JobLogViewer lines={[line('a'), { ...line('b'), seq: 2 }]} />);
    expect(screen.getByRole('button', { name: 'Following tail' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('2 lines')).toBeInTheDocument();
  });
});
