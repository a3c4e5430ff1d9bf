import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ActiveJobsMonitor } from './ActiveJobsMonitor.js';

describe('ActiveJobsMonitor (no layout)', () => {
  it('shows the empty state with Start Processing', () => {
    const onStart = vi.fn();
    render(<ActiveJobsMonitor runIds={[]} renderRun={() => null} onStartProcessing={onStart} />);
    expect(screen.getByText('(No active jobs)')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Start Processing' }));
    expect(onStart).toHaveBeenCalledOnce();
  });

  it('says it is loading only while it has nothing to show', () => {
    const { rerender } = render(<ActiveJobsMonitor runIds={[]} renderRun={() => null} loading />);
    expect(screen.getByText('Loading active jobs…')).toBeInTheDocument();
    rerender(<ActiveJobsMonitor runIds={['1']} renderRun={(id) => <p>run {id}</p>} loading />);
    expect(screen.queryByText('Loading active jobs…')).toBeNull();
  });

  it('reads out the latest status change in one polite region', () => {
    const { rerender } = render(<ActiveJobsMonitor runIds={['1']} renderRun={() => null} />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    rerender(
      <ActiveJobsMonitor runIds={[]} renderRun={() => null} announcement="match-scores #1 finished" />,
    );
    expect(screen.getAllByRole('status')).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('match-scores #1 finished');
  });

  it('says "updates paused" while the host\'s live updates are down', () => {
    const { rerender } = render(<ActiveJobsMonitor runIds={['1']} renderRun={() => null} />);
    expect(screen.getByText('updates live')).toBeInTheDocument();
    rerender(<ActiveJobsMonitor runIds={['1']} renderRun={() => null} paused />);
    expect(screen.queryByText('updates live')).toBeNull();
    expect(screen.getByText('updates paused')).toHaveAttribute('data-paused');
  });

  it('lays out a short list itself and loads the virtualizer only past 20 rows', async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);
    const renderRun = (id: string) => <p>{id}</p>;
    const short = render(<ActiveJobsMonitor runIds={ids(20)} renderRun={renderRun} />);
    expect(short.container.querySelectorAll('ul[data-layout="flow"] > li')).toHaveLength(20);
    short.unmount();
    const long = render(<ActiveJobsMonitor runIds={ids(500)} renderRun={renderRun} />);
    // While its code loads, the first 20 rows show, numbered out of all 500.
    const first = long.container.querySelectorAll('ul[data-layout="flow"] > li');
    expect(first).toHaveLength(20);
    expect(first[0]).toHaveAttribute('aria-setsize', '500');
    await waitFor(() => expect(long.container.querySelector('ul[data-layout="flow"]')).toBeNull());
    expect(long.container.querySelectorAll('li').length).toBeLessThan(20);
  });

  it('server-renders the first rows (no layout yet) and passes className', () => {
    const html = renderToString(
      <ActiveJobsMonitor
        runIds={['a', 'b']}
        renderRun={(id) => <p>{`run-${id}`}</p>}
        className="active-jobs"
      />,
    );
    expect(html).toContain('active-jobs');
    expect(html).toContain('run-a');
    expect(html).toContain('run-b');
    expect(html).toContain('Active &amp; Queued Jobs');
  });
});
