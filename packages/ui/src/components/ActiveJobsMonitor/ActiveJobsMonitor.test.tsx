import { fireEvent, render, screen } from '@testing-library/react';
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
