import type { JobRunSummary } from '@jobs/contracts';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  cancelRequestedRun,
  failedRun,
  NOW,
  queuedRun,
  runningRun,
  successRun,
} from '../../testing/fixtures.js';
import { JobRunCard } from './JobRunCard.js';

/** A host that cancels without asking, as @jobs/live does: pending is set in the click itself. */
function CancellingHost({ onCancel }: { onCancel(run: JobRunSummary): void }) {
  const [pending, setPending] = useState(false);
  return (
    <JobRunCard
      run={runningRun}
      variant="active"
      now={NOW}
      cancelPending={pending}
      onCancel={(run) => {
        setPending(true);
        onCancel(run);
      }}
    />
  );
}

describe('JobRunCard (active)', () => {
  it('shows name, id, started time, progress, rate and ETA', () => {
    const { container } = render(<JobRunCard run={runningRun} variant="active" now={NOW} />);
    expect(container.firstElementChild).toHaveAttribute('data-status', 'RUNNING');
    expect(screen.getByRole('heading')).toHaveTextContent('match-scores (#12847)');
    expect(screen.getByText('3m ago')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '67');
    expect(screen.getByText('Processing batch 3/5')).toBeInTheDocument();
    // 670 of 1000 in 180 s: 3.7/s, and 330 more at that pace is ~1m 28s.
    expect(container.querySelector('[data-field="rate"]')).toHaveTextContent('3.7/s');
    expect(container.querySelector('[data-field="eta"]')).toHaveTextContent('~1m 28s left');
  });

  it('a queued run waits, with its queued time', () => {
    render(<JobRunCard run={queuedRun} variant="active" now={NOW} />);
    expect(screen.getByText('Waiting to start…')).toBeInTheDocument();
    expect(screen.getByText('5m ago')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('cancel calls back once; a host that marks it pending in the click disables it at once', () => {
    const onCancel = vi.fn();
    render(<CancellingHost onCancel={onCancel} />);
    fireEvent.click(screen.getByRole('button', { name: /^Cancel/ }));
    const stopping = screen.getByRole('button', { name: /^Stopping/ });
    expect(stopping).toBeDisabled();
    fireEvent.click(stopping);
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onCancel).toHaveBeenCalledWith(runningRun);
  });

  it('a host that only asks for confirmation (and is told "keep running") leaves Cancel enabled', () => {
    const onCancel = vi.fn();
    render(<JobRunCard run={queuedRun} variant="active" now={NOW} onCancel={onCancel} />);
    fireEvent.click(screen.getByRole('button', { name: /^Cancel/ }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: /^Cancel/ })).toBeEnabled();
    expect(screen.queryByRole('button', { name: /^Stopping/ })).toBeNull();
  });

  it('shows Stopping… for a cancel requested by anyone (cancelRequestedAt) or pending here', () => {
    const { rerender, container } = render(
      <JobRunCard run={cancelRequestedRun} variant="active" now={NOW} onCancel={() => {}} />,
    );
    expect(container.firstElementChild).toHaveAttribute('data-status', 'CANCEL_REQUESTED');
    expect(screen.getByRole('button', { name: /^Stopping/ })).toBeDisabled();
    rerender(<JobRunCard run={runningRun} variant="active" now={NOW} onCancel={() => {}} cancelPending />);
    expect(screen.getByText('Cancel requested…')).toBeInTheDocument();
  });

  it('hides Cancel when it cannot cancel', () => {
    render(<JobRunCard run={runningRun} variant="active" now={NOW} onCancel={() => {}} canCancel={false} />);
    expect(screen.queryByRole('button', { name: /^Cancel/ })).toBeNull();
  });
});

describe('JobRunCard (history)', () => {
  it('says a run still in flight is running, for how long, instead of "Finished: —"', () => {
    render(<JobRunCard run={runningRun} variant="history" now={NOW} />);
    expect(screen.queryByText(/Finished/)).not.toBeInTheDocument();
    expect(screen.getByText(/Running for/)).toHaveTextContent(/Running for \d+m/);
  });

  it('shows trigger, duration and finished time', () => {
    const onViewDetails = vi.fn();
    render(<JobRunCard run={successRun} variant="history" now={NOW} onViewDetails={onViewDetails} />);
    expect(screen.getByText('Manual')).toBeInTheDocument();
    expect(screen.getByText('2m 5s')).toBeInTheDocument();
    expect(screen.getByText('5m ago')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /^Details/ }));
    expect(onViewDetails).toHaveBeenCalledWith(successRun);
  });

  it('shows the error inline for a failed run', () => {
    render(<JobRunCard run={failedRun} variant="history" now={NOW} />);
    expect(screen.getByText('Failed after 34s')).toBeInTheDocument();
    // The message is isolated in its own <bdi>: the paragraph reads as one.
    expect(screen.getByText('Database timeout').closest('p')).toHaveTextContent(/^Error: Database timeout$/);
    expect(screen.queryByRole('button', { name: /^Cancel/ })).toBeNull();
  });
});
