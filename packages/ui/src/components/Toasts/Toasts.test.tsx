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

  it('names the region with the F8 hint and announces each toast without a raw {hotkey} placeholder', async () => {
    render(
      <Toasts toasts={[{ id: 'a', tone: 'error', title: 'Could not cancel #11' }]} onDismiss={() => {}} />,
    );
    expect(screen.getByRole('region')).toHaveAttribute('aria-label', 'Notifications (F8)');
    // Radix renders the screen-reader announcement a frame after the toast opens.
    const announcement = await screen.findByText(/Could not cancel #11/, {
      selector: '[aria-live] *, [aria-live]',
    });
    expect(announcement.textContent).toMatch(/^Notification\s*Could not cancel #11/);
    expect(announcement.textContent).not.toContain('{hotkey}');
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
