import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JsonViewer } from './JsonViewer.js';

const wide = { items: Array.from({ length: 80 }, (_, i) => ({ i })) };

describe('JsonViewer', () => {
  it('opens a small value fully', () => {
    render(<JsonViewer label="Params" value={{ a: { b: 1 } }} />);
    expect(screen.getByRole('tree', { name: 'Params' })).toHaveTextContent('"b":1');
    expect(screen.queryByRole('button', { name: 'Expand all' })).toBeNull();
  });

  it('opens a large value one level deep, with Expand all and Collapse all', () => {
    const { container } = render(<JsonViewer label="Params" value={wide} />);
    expect(container.textContent).not.toContain('"i":79');
    fireEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(container.textContent).toContain('"i":79');
    fireEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(container.textContent).not.toContain('"i":79');
  });

  it('says None for a missing value and mirrors its state', () => {
    const { container } = render(<JsonViewer label="Metadata" value={null} />);
    expect(screen.getByText('None')).toBeInTheDocument();
    expect(container.firstElementChild).toHaveAttribute('data-state', 'empty');
  });
});
