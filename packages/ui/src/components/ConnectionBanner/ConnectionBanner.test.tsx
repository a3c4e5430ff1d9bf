import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NOW } from '../../testing/fixtures.js';
import { ConnectionBanner } from './ConnectionBanner.js';

const inSeconds = (s: number) => new Date(NOW.getTime() + s * 1000).toISOString();

describe('ConnectionBanner', () => {
  it('is an empty status region while live', () => {
    render(<ConnectionBanner state="live" now={NOW} />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('while reconnecting: paused, countdown, stale warning, retry now', () => {
    const onRetryNow = vi.fn();
    render(
      <ConnectionBanner
        state="reconnecting"
        nextAttemptAt={inSeconds(65)}
        attempt={2}
        now={NOW}
        onRetryNow={onRetryNow}
      />,
    );
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Real-time updates paused — reconnecting…');
    expect(status).toHaveTextContent('Next attempt in 1m 5s (attempt 2).');
    expect(status).toHaveTextContent('Data may be stale.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(onRetryNow).toHaveBeenCalledOnce();
  });

  it('reads an overdue attempt as under way, never "in a moment", and ignores a bad time', () => {
    const { rerender } = render(
      <ConnectionBanner state="reconnecting" nextAttemptAt={inSeconds(-5)} attempt={3} now={NOW} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Trying to reconnect now (attempt 3).');
    expect(screen.getByRole('status')).not.toHaveTextContent('a moment');
    rerender(<ConnectionBanner state="reconnecting" nextAttemptAt="garbage" now={NOW} />);
    expect(screen.getByRole('status')).not.toHaveTextContent('Next attempt');
  });

  it('offline offers retry without a countdown; connecting offers nothing', () => {
    const { rerender } = render(<ConnectionBanner state="offline" now={NOW} onRetryNow={() => {}} />);
    expect(screen.getByRole('status')).toHaveTextContent('you are offline');
    expect(screen.getByRole('button', { name: 'Retry now' })).toBeInTheDocument();
    rerender(<ConnectionBanner state="connecting" now={NOW} onRetryNow={() => {}} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('status')).not.toHaveTextContent('stale');
  });
});
