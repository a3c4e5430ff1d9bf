import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
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

describe('JobMetricsChart time ranges', () => {
  const ranges = [
    { value: '1h', label: 'Last hour', href: '?range=1h' },
    { value: '24h', label: 'Last 24 hours', href: '?range=24h' },
    { value: '7d', label: 'Last 7 days', href: '?range=7d' },
  ];

  it('offers each range as a link, the current one marked', () => {
    render(<JobMetricsChart buckets={buckets} ranges={ranges} range="24h" />);
    const nav = screen.getByRole('navigation', { name: 'Time range' });
    expect(nav.querySelectorAll('a')).toHaveLength(3);
    expect(screen.getByRole('link', { name: 'Last 7 days' })).toHaveAttribute('href', '?range=7d');
    expect(screen.getByRole('link', { name: 'Last 24 hours' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Last hour' })).not.toHaveAttribute('aria-current');
  });

  it('hands a plain click to the host and leaves modified clicks to the browser', () => {
    const onRangeChange = vi.fn();
    render(<JobMetricsChart buckets={buckets} ranges={ranges} range="24h" onRangeChange={onRangeChange} />);
    const week = screen.getByRole('link', { name: 'Last 7 days' });
    expect(fireEvent.click(week)).toBe(false); // default prevented: no navigation
    expect(onRangeChange).toHaveBeenCalledWith(ranges[2]);
    expect(fireEvent.click(week, { ctrlKey: true })).toBe(true);
    expect(onRangeChange).toHaveBeenCalledOnce();
  });

  it('navigates as a plain link without a handler', () => {
    render(<JobMetricsChart buckets={buckets} ranges={ranges} range="24h" />);
    expect(fireEvent.click(screen.getByRole('link', { name: 'Last hour' }))).toBe(true);
  });

  it('lists duration percentiles where the buckets carry them', () => {
    render(
      <JobMetricsChart
        buckets={[
          { ...buckets[0]!, p50Ms: 1024, p95Ms: 90_000 },
          { ...buckets[1]!, p50Ms: null, p95Ms: null },
        ]}
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'Duration p95' })).toBeInTheDocument();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(/1s1m 30s$/);
    expect(rows[1]).toHaveTextContent(/——$/);
  });

  it('dates the busiest bucket when the buckets span more than a day', () => {
    const week = [
      { at: '2026-01-01T00:00:00.000Z', success: 1, failed: 0, cancelled: 0 },
      { at: '2026-01-07T10:00:00.000Z', success: 9, failed: 0, cancelled: 0 },
    ];
    render(<JobMetricsChart buckets={week} />);
    expect(screen.getByRole('img')).toHaveAccessibleName(
      expect.stringContaining('Busiest: 9 at 01-07 10:00.'),
    );
  });
});
