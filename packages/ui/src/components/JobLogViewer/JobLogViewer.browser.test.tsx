import type { LogLine } from '@jobs/contracts';
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, makeLogLines } from '../../testing/fixtures.js';
import { JobLogViewer } from './JobLogViewer.js';

const scroller = () => screen.getByRole('region', { name: 'Job log' });
const rows = () => Array.from(document.querySelectorAll<HTMLElement>('li[data-index]'));
const lastIndex = () => Math.max(...rows().map((r) => Number(r.dataset.index)));

async function scrollTo(el: HTMLElement, top: number) {
  await act(async () => {
    el.scrollTop = top;
    el.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
  });
}

describe('JobLogViewer in Chromium', () => {
  it('renders 100,000 lines as a small window of rows', async () => {
    const lines = makeLogLines(100_000);
    render(<JobLogViewer lines={lines} height={400} defaultFollowing={false} />);
    await waitFor(() => expect(rows().length).toBeGreaterThan(10));
    expect(rows().length).toBeLessThan(100);
    expect(screen.getByText('100,000 lines')).toBeInTheDocument();

    await scrollTo(scroller(), 50_000 * 20);
    await waitFor(() => expect(rows().some((r) => r.dataset.index === '50000')).toBe(true));
    expect(rows().length).toBeLessThan(100);
  });

  it('follows the tail as lines stream in, pauses when scrolled up, resumes on request', async () => {
    let lines: LogLine[] = makeLogLines(2000);
    const { rerender } = render(<JobLogViewer lines={lines} height={300} />);
    const el = scroller();
    await waitFor(() => expect(lastIndex()).toBe(1999));

    lines = [...lines, ...makeLogLines(500, 2000)];
    rerender(<JobLogViewer lines={lines} height={300} />);
    await waitFor(() => expect(lastIndex()).toBe(2499));
    expect(el.scrollHeight - el.scrollTop - el.clientHeight).toBeLessThan(2);

    await scrollTo(el, 1000);
    expect(screen.getByRole('button', { name: 'Follow tail' })).toHaveAttribute('aria-pressed', 'false');
    lines = [...lines, ...makeLogLines(100, 2500)];
    rerender(<JobLogViewer lines={lines} height={300} />);
    expect(el.scrollTop).toBe(1000);
    expect(screen.getByRole('button', { name: /100 new/ })).toBeInTheDocument();

    await act(async () => screen.getByRole('button', { name: 'Follow tail' }).click());
    await waitFor(() => expect(lastIndex()).toBe(2599));
    expect(screen.getByRole('button', { name: 'Following tail' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('never turns log text into markup', async () => {
    const w = window as unknown as { __xss?: number };
    const hostile: LogLine[] = [
      {
        seq: 0,
        at: '2026-01-08T10:00:00.000Z',
        level: 'error',
        message: '<img src=x onerror="window.__xss=1">',
      },
      {
        seq: 1,
        at: '2026-01-08T10:00:00.010Z',
        level: 'info',
        message: `{"a": "<img src=x onerror=window.__xss=2>"}`,
      },
      { seq: 2, at: '2026-01-08T10:00:00.020Z', level: 'warn', message: HOSTILE_TEXT },
    ];
    render(<JobLogViewer lines={hostile} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector('img')).toBeNull();
    expect(w.__xss).toBeUndefined();
    expect(rows()[1]?.textContent).toContain('<img src=x onerror=window.__xss=2>');
  });
});
