import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JobStatusBadge } from './JobStatusBadge.js';
import { STATUS_META, UI_STATUSES } from './status-meta.js';

describe('JobStatusBadge', () => {
  it.each(UI_STATUSES)('%s shows icon and text, with the status in data-status', (status) => {
    const { container } = render(<JobStatusBadge status={status} />);
    const badge = container.firstElementChild as HTMLElement;
    expect(badge.dataset.status).toBe(status);
    // ⏸ and 🔄 are drawn (fonts lack them); the others are text glyphs.
    if (status === 'QUEUED' || status === 'CANCEL_REQUESTED')
      expect(badge.querySelector('svg')).not.toBeNull();
    else expect(badge).toHaveTextContent(STATUS_META[status].icon);
    expect(screen.getByText(STATUS_META[status].label)).toBeVisible();
  });

  it('keeps the label readable when only the icon shows', () => {
    render(<JobStatusBadge status="CANCELLED" display="icon" />);
    expect(screen.getByText('Cancelled')).toHaveClass('jobs-visually-hidden');
    expect(screen.getByTitle('Cancelled')).toBeInTheDocument();
  });
});
