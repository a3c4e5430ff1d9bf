import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NOW, runningRun, stats } from '../../testing/fixtures.js';
import { JobStatsOverview } from './JobStatsOverview.js';

describe('JobStatsOverview', () => {
  it('shows counts, when it was updated, and refreshes on request', () => {
    const onRefresh = vi.fn();
    render(<JobStatsOverview stats={stats} now={NOW} onRefresh={onRefresh} />);
    expect(screen.getByText('Active').nextElementSibling).toHaveTextContent('2');
    expect(screen.getByText('Queued').nextElementSibling).toHaveTextContent('5');
    expect(screen.getByText('Last 24h').nextElementSibling).toHaveTextContent('147');
    expect(screen.getByText('2s ago')).toBeInTheDocument();
    expect(screen.queryByText(/stale/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(onRefresh).toHaveBeenCalledOnce();
  });

  it('counts cancelled runs in the last 24 hours beside succeeded and failed ones', () => {
    render(<JobStatsOverview stats={stats} now={NOW} />);
    const total = screen.getByText('Last 24h').nextElementSibling;
    expect(total).toHaveTextContent('147');
    expect(total?.nextElementSibling).toHaveTextContent('139 succeeded · 6 failed · 2 cancelled');
  });

  it('warns after one minute without a refresh', () => {
    const at = (ms: number) => new Date(NOW.getTime() + ms);
    const { rerender, container } = render(<JobStatsOverview stats={stats} now={at(57_000)} />);
    expect(container.querySelector('section')).not.toHaveAttribute('data-stale');
    rerender(<JobStatsOverview stats={stats} now={at(59_000)} />);
    expect(container.querySelector('section')).toHaveAttribute('data-stale', 'true');
    expect(screen.getByText(/Data may be stale/)).toBeInTheDocument();
  });

  it('cleans up only after showing the preview and a confirmation', async () => {
    const onCleanup = vi.fn(async () => {});
    render(
      <JobStatsOverview
        stats={stats}
        now={NOW}
        onPreviewCleanup={async () => [runningRun]}
        onCleanup={onCleanup}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clean Up Stalled Jobs' }));
    expect(await screen.findByRole('alertdialog', { name: 'Clean up 1 stalled job?' })).toBeInTheDocument();
    expect(onCleanup).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Clean Up' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(onCleanup).toHaveBeenCalledOnce();
  });

  it('keeps the dialog open and says why when the clean-up fails', async () => {
    render(
      <JobStatsOverview
        stats={stats}
        now={NOW}
        onPreviewCleanup={async () => [runningRun]}
        onCleanup={async () => {
          throw new Error('database locked');
        }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clean Up Stalled Jobs' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Clean Up' }));
    // The server's message is isolated in its own <bdi>: the alert reads as one.
    expect((await screen.findByText('database locked')).closest('p')).toHaveTextContent(
      /^Clean-up failed: database locked$/,
    );
  });
});
