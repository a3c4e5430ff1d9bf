import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EmptyState } from './EmptyState.js';

describe('EmptyState', () => {
  it('offers Start Processing when given an action', () => {
    const onAction = vi.fn();
    render(<EmptyState onAction={onAction} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start Processing' }));
    expect(onAction).toHaveBeenCalledOnce();
  });
  it('shows no button without an action', () => {
    render(<EmptyState title="Nothing" />);
    expect(screen.getByText('Nothing')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
