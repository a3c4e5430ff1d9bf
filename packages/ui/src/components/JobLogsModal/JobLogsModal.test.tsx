import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { failedRun, makeLogLines, runningRun } from '../../testing/fixtures.js';
import { JobLogsModal, type JobLogsModalProps } from './JobLogsModal.js';

function setup(overrides: Partial<JobLogsModalProps> = {}) {
  const props: JobLogsModalProps = {
    open: true,
    onOpenChange: vi.fn(),
    run: runningRun,
    lines: makeLogLines(3),
    ...overrides,
  };
  return { ...render(<JobLogsModal {...props} />), props };
}

describe('JobLogsModal', () => {
  it('names the run and labels the log region after it', () => {
    setup({ streaming: true });
    expect(screen.getByRole('dialog', { name: 'Logs: match-scores #12847' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Logs of match-scores #12847' })).toBeInTheDocument();
    expect(screen.getByText('● Streaming new lines')).toBeInTheDocument();
  });

  it('says whether updates are live, paused or over', () => {
    const { rerender, props } = setup({ streaming: false });
    expect(screen.getByText('Run in progress — live updates paused')).toBeInTheDocument();
    rerender(<JobLogsModal {...props} run={failedRun} />);
    expect(screen.getByText('Run finished')).toBeInTheDocument();
  });

  it('offers a retry with the run id when loading failed', () => {
    const onRetry = vi.fn();
    setup({ error: 'Could not load the log (502).', onRetry });
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load the log (502).');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledWith('12847');
  });
});
