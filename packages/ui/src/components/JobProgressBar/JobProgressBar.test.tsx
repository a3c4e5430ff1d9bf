import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JobProgressBar } from './JobProgressBar.js';

describe('JobProgressBar', () => {
  it('exposes a determinate value, rounded and clamped', () => {
    const { rerender } = render(<JobProgressBar percent={66.6} message="Batch 3/5" label="run" />);
    const bar = screen.getByRole('progressbar', { name: 'run' });
    expect(bar).toHaveAttribute('aria-valuenow', '67');
    expect(bar).toHaveAttribute('aria-valuetext', '67%');
    expect(screen.getByText('Batch 3/5')).toBeInTheDocument();
    rerender(<JobProgressBar percent={180} label="run" />);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  });

  it('is indeterminate without a number, describing itself by the message', () => {
    const { container } = render(<JobProgressBar percent={Number.NaN} message="Waiting" />);
    const bar = screen.getByRole('progressbar');
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(bar).toHaveAttribute('aria-valuetext', 'Waiting');
    expect(container.firstElementChild).toHaveAttribute('data-state', 'indeterminate');
  });

  it('renders hostile messages as text', () => {
    const { container } = render(<JobProgressBar percent={5} message="<img src=x onerror=alert(1)>" />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
  });
});
