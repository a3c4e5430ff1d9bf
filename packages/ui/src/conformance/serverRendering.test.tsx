// @vitest-environment node
/**
 * The data-heavy components render on the server (a Remix host may SSR them): no browser API at render
 * time, no layout-effect warning, and the markup carries the text a no-JS reader needs.
 */
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobHistoryList } from '../components/JobHistoryList/index.js';
import { JobLogViewer } from '../components/JobLogViewer/index.js';
import { JobMetricsChart } from '../components/JobMetricsChart/index.js';
import { JobProgressChart } from '../components/JobProgressChart/index.js';
import { JsonViewer } from '../components/JsonViewer/index.js';
import { makeLogLines, NOW, successRun } from '../testing/fixtures.js';

const noop = () => {};

describe('server rendering', () => {
  const errors = vi.spyOn(console, 'error');
  afterEach(() => errors.mockClear());

  it('renders lists, viewers and charts to HTML without warnings', () => {
    const markup = renderToString(
      <>
        <JobHistoryList
          runs={[successRun]}
          total={1247}
          page={1}
          pageSize={50}
          filters={{}}
          jobNames={['match-scores']}
          now={NOW}
          onPageChange={noop}
          onFilterChange={noop}
          onViewDetails={noop}
        />
        <JobLogViewer lines={makeLogLines(10)} />
        <JsonViewer label="Parameters" value={{ userId: 8 }} />
        <JobProgressChart samples={[{ at: NOW.toISOString(), percent: 40 }]} />
        <JobMetricsChart buckets={[{ at: NOW.toISOString(), success: 3, failed: 1, cancelled: 0 }]} />
      </>,
    );
    const html = markup.replaceAll('<!-- -->', '');
    expect(html).toContain('Showing 1-1 of 1,247');
    expect(html).toContain('10 lines');
    expect(html).toContain('userId');
    expect(html).toContain('4 runs finished, 1 failed (25%)');
    expect(errors).not.toHaveBeenCalled();
  });
});
