import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { failedRun, NOW, successRun } from '../../testing/fixtures.js';
import { JobHistoryList, type JobHistoryListProps } from './JobHistoryList.js';

function props(overrides: Partial<JobHistoryListProps> = {}): JobHistoryListProps {
  return {
    runs: [successRun, failedRun],
    total: 120,
    page: 2,
    pageSize: 50,
    filters: { status: 'FAILED' },
    jobNames: ['match-scores', 'media-metadata'],
    now: NOW,
    onPageChange: vi.fn(),
    onFilterChange: vi.fn(),
    onViewDetails: vi.fn(),
    pageHref: (page) => `?status=FAILED&page=${page}`,
    filterHref: (f) => `?status=${f.status ?? ''}`,
    runHref: (run) => `/runs/${run.id}`,
    ...overrides,
  };
}

describe('JobHistoryList links in Chromium', () => {
  it('server HTML pages and filters as links and a GET form, and hydrates without a mismatch', async () => {
    const errors = vi.spyOn(console, 'error');
    const host = document.createElement('div');
    const p = props();
    host.innerHTML = renderToString(<JobHistoryList {...p} />);
    document.body.append(host);
    expect(screen.getByRole('link', { name: 'Next' })).toHaveAttribute('href', '?status=FAILED&page=3');
    // What a browser without JavaScript sends for the toolbar: the kept status and the typed fields.
    const form = document.querySelector('form[method="get"]') as HTMLFormElement;
    expect([...new FormData(form).keys()].sort()).toEqual(['job', 'q', 'status']);
    expect(new FormData(form).get('status')).toBe('FAILED');
    const root = await act(async () => hydrateRoot(host, <JobHistoryList {...p} />));
    const mismatches = errors.mock.calls.filter(
      (call) => !String(call[0]).includes('useLayoutEffect does nothing on the server'),
    );
    expect(mismatches).toEqual([]);
    act(() => root.unmount());
    host.remove();
    errors.mockRestore();
  });

  it('once scripts run, a click or Enter on a link calls back instead of loading the address', async () => {
    const p = props();
    render(<JobHistoryList {...p} />);
    await userEvent.click(screen.getByRole('link', { name: 'Next' }));
    expect(p.onPageChange).toHaveBeenCalledWith(3);
    screen.getByRole('link', { name: /^Details of media-metadata/ }).focus();
    await userEvent.keyboard('{Enter}');
    expect(p.onViewDetails).toHaveBeenCalledWith(failedRun);
    await userEvent.click(screen.getByRole('link', { name: 'All statuses' }));
    expect(p.onFilterChange).toHaveBeenLastCalledWith({ status: undefined });
    // Still on the test page: no navigation happened.
    expect(location.search).not.toContain('page=3');
  });
});

// A host that pages in place: Next changes the page it renders, as a router would.
function PagingHost() {
  const [page, setPage] = useState(1);
  const runs = Array.from({ length: 40 }, (_, i) => ({
    ...successRun,
    id: `${successRun.id}-${page}-${i}`,
  }));
  return (
    <JobHistoryList
      {...props({ page, runs, total: 120, pageSize: 40, pageHref: undefined })}
      onPageChange={setPage}
    />
  );
}

describe('JobHistoryList page turns in Chromium', () => {
  it('after Next the list top is in view and its heading has focus, not the bottom of the page', async () => {
    render(<PagingHost />);
    const next = screen.getByRole('button', { name: 'Next' });
    next.scrollIntoView({ block: 'end' });
    const heading = screen.getByRole('heading', { name: 'Job History' });
    expect(heading.getBoundingClientRect().top).toBeLessThan(0);
    await userEvent.click(next);
    await expect.poll(() => screen.getByText(/^Showing 41-80/)).toBeTruthy();
    expect(heading.getBoundingClientRect().top).toBeGreaterThanOrEqual(0);
    expect(heading.getBoundingClientRect().bottom).toBeLessThanOrEqual(window.innerHeight);
    expect(document.activeElement).toBe(heading);
  });

  it('a page change the user did not ask for leaves scroll and focus alone', async () => {
    const p = props({ page: 1, pageHref: undefined });
    const { rerender } = render(<JobHistoryList {...p} />);
    const next = screen.getByRole('button', { name: 'Next' });
    next.focus();
    rerender(<JobHistoryList {...p} page={2} />);
    expect(document.activeElement).toBe(next);
  });
});
