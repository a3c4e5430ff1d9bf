import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Toasts } from './Toasts.js';
import { useToastQueue } from './useToastQueue.js';

describe('Toasts', () => {
  it('renders titles in one labelled region and dismisses by the close button', () => {
    const onDismiss = vi.fn();
    render(
      <Toasts
        toasts={[
          { id: 'a', tone: 'success', title: 'Job enqueued: #1' },
          { id: 'b', tone: 'error', title: 'Failed to cancel job' },
        ]}
        onDismiss={onDismiss}
      />,
    );
    expect(screen.getAllByRole('region')).toHaveLength(1);
    expect(screen.getByText('Job enqueued: #1')).toBeInTheDocument();
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss' })[1]!);
    expect(onDismiss).toHaveBeenCalledWith('b');
  });
});

describe('useToastQueue', () => {
  it('replaces a toast pushed with the same id and keeps at most `max`', () => {
    const { result } = renderHook(() => useToastQueue(2));
    act(() => {
      result.current.push({ id: 'x', tone: 'info', title: 'one' });
      result.current.push({ id: 'x', tone: 'info', title: 'two' });
    });
    expect(result.current.toasts.map((t) => t.title)).toEqual(['two']);
    act(() => {
      result.current.push({ tone: 'info', title: 'three' });
      result.current.push({ tone: 'info', title: 'four' });
    });
    expect(result.current.toasts.map((t) => t.title)).toEqual(['three', 'four']);
    act(() => result.current.dismiss(result.current.toasts[0]!.id));
    expect(result.current.toasts.map((t) => t.title)).toEqual(['four']);
  });
});
