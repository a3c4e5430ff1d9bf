import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JobProgressChart } from './JobProgressChart.js';

const samples = Array.from({ length: 1000 }, (_, i) => ({
  at: new Date(Date.UTC(2026, 0, 8, 10, 0, 0) + i * 200).toISOString(),
  percent: i / 10,
}));

describe('JobProgressChart', () => {
  it('names itself and summarizes the run in text', () => {
    render(<JobProgressChart samples={samples} label="Progress of match-scores #12847" />);
    const img = screen.getByRole('img', { name: /Progress of match-scores #12847/ });
    expect(img).toHaveAccessibleName(
      'Progress of match-scores #12847 0% to 100% over 3m 19s (1000 samples).',
    );
  });

  it('draws at most 300 points and tables at most 50 rows', () => {
    const { container } = render(<JobProgressChart samples={samples} />);
    const points = container.querySelector('polyline')?.getAttribute('points')?.split(' ') ?? [];
    expect(points).toHaveLength(300);
    expect(container.querySelectorAll('tbody tr')).toHaveLength(50);
    expect(screen.getByRole('columnheader', { name: 'Progress' })).toBeInTheDocument();
  });

  it('says when there is nothing to draw', () => {
    const { container } = render(<JobProgressChart samples={[{ at: 'nope', percent: 3 }]} />);
    expect(screen.getAllByText('No progress reported yet.').length).toBeGreaterThan(0);
    expect(container.querySelector('polyline')).toBeNull();
  });
});
