import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNow } from './useNow.js';

function Clock({ fixed }: { fixed?: Date }) {
  return <p>{useNow(fixed).toISOString()}</p>;
}

describe('useNow', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-08T10:30:00.000Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('ticks every second from one shared timer, and stops when nothing listens', () => {
    const { unmount } = render(
      <>
        <Clock />
        <Clock />
      </>,
    );
    expect(vi.getTimerCount()).toBe(1);
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.getAllByText('2026-01-08T10:30:03.000Z')).toHaveLength(2);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a fixed time never ticks', () => {
    render(<Clock fixed={new Date('2020-01-01T00:00:00.000Z')} />);
    act(() => vi.advanceTimersByTime(5000));
    expect(screen.getByText('2020-01-01T00:00:00.000Z')).toBeInTheDocument();
    expect(vi.getTimerCount()).toBe(0);
  });
});
