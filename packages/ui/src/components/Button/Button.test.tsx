import { fireEvent, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Button } from './Button.js';

describe('Button', () => {
  it('is type="button" by default, forwards its ref and mirrors variant/size', () => {
    const ref = createRef<HTMLButtonElement>();
    render(
      <Button ref={ref} variant="danger" size="small">
        Go
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Go' });
    expect(button).toHaveAttribute('type', 'button');
    expect(button).toHaveAttribute('data-variant', 'danger');
    expect(button).toHaveAttribute('data-size', 'small');
    expect(ref.current).toBe(button);
  });

  it('busy + disabled does not click', () => {
    const onClick = vi.fn();
    render(
      <Button busy disabled onClick={onClick}>
        Wait
      </Button>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Wait' }));
    expect(onClick).not.toHaveBeenCalled();
    expect(screen.getByRole('button')).toHaveAttribute('aria-busy', 'true');
  });

  it('with href is a link with the same look; a handler may take the click over', () => {
    const onClick = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    render(
      <Button href="/admin/jobs?page=2" variant="primary" onClick={onClick}>
        Next
      </Button>,
    );
    const link = screen.getByRole('link', { name: 'Next' });
    expect(link).toHaveAttribute('href', '/admin/jobs?page=2');
    expect(link).toHaveAttribute('data-variant', 'primary');
    expect(link).not.toHaveAttribute('type');
    fireEvent.click(link);
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('asChild lends its look to the host link and keeps the link’s own ref', () => {
    const ref = createRef<HTMLAnchorElement>();
    render(
      <Button asChild size="small">
        <a ref={ref} href="/admin/jobs/bulk" className="host">
          Bulk…
        </a>
      </Button>,
    );
    const link = screen.getByRole('link', { name: 'Bulk…' });
    expect(link).toHaveAttribute('data-size', 'small');
    expect(link.className).toContain('host');
    expect(link).not.toHaveAttribute('type');
    expect(ref.current).toBe(link);
  });
});
