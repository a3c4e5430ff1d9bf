import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JobMetricsChart } from './JobMetricsChart.js';

const buckets = [
  { at: '2026-01-08T08:00:00.000Z', success: 10, failed: 0, cancelled: 0 },
  { at: '2026-01-08T09:00:00.000Z', success: 0, failed: 0, cancelled: 0 },
  { at: '2026-01-08T10:00:00.000Z', success: 30, failed: 3, cancelled: 1 },
];

describe('JobMetricsChart', () => {
  it('summarizes throughput and failure rate in text', () => {
    render(<JobMetricsChart buckets={buckets} />);
    expect(screen.getByRole('img')).toHaveAccessibleName(
      'Throughput and failure rate 44 runs finished, 3 failed (6.8%). Busiest: 34 at 10:00.',
    );
  });

  it('offers every bucket as a table row, with "—" where nothing finished', () => {
    render(<JobMetricsChart buckets={buckets} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('2026-01-08 09:00:00000—');
    expect(rows[2]).toHaveTextContent('8.8%');
  });

  it('draws stacked bars on a round scale and skips the rate where nothing finished', () => {
    const { container } = render(<JobMetricsChart buckets={buckets} height={100} />);
    expect(screen.getByText('Bars up to 50 runs')).toBeInTheDocument();
    const success = container.querySelectorAll('rect')[6];
    expect(success?.getAttribute('height')).toBe('60');
    expect(container.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(2);
  });

  it('handles an empty period', () => {
    render(<JobMetricsChart buckets={[]} />);
    expect(screen.getAllByText('No finished runs in this period.').length).toBeGreaterThan(0);
  });
});
