import { makeDetails } from '@jobs/contracts/testing';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import {
  bigJson,
  failedDetails,
  HOSTILE_TEXT,
  hostileDetails,
  runningDetails,
  successDetails,
  tooLargeDetails,
} from '../../testing/fixtures.js';
import { NOW } from '../../testing/runs.js';
import { JobDetailsModal, type JobDetailsModalProps } from './JobDetailsModal.js';
import { RunFacts } from './RunFacts.js';

function setup(overrides: Partial<JobDetailsModalProps> = {}) {
  const props: JobDetailsModalProps = {
    run: successDetails,
    open: true,
    onOpenChange: vi.fn(),
    now: NOW,
    ...overrides,
  };
  return { ...render(<JobDetailsModal {...props} />), props };
}

function Host() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Details
      </button>
      <JobDetailsModal run={successDetails} open={open} onOpenChange={setOpen} />
    </>
  );
}

describe('JobDetailsModal', () => {
  it('shows every fact of the run and its timeline', () => {
    setup();
    const dialog = screen.getByRole('dialog', { name: 'Job Run Details: match-scores (#12846)' });
    expect(dialog).toHaveTextContent('Trigger');
    expect(dialog).toHaveTextContent('admin@example.com');
    expect(dialog).toHaveTextContent('v1.2.3');
    expect(dialog).toHaveTextContent('Started2026-01-08 10:23:00 UTC (7m ago) (delay: 2.1s)');
    expect(dialog).toHaveTextContent('Finished2026-01-08 10:25:00 UTC (5m ago) (duration: 2m 5s)');
    expect(within(dialog).getByRole('tree', { name: 'Parameters' })).toHaveTextContent(
      '"candidateBatchSize":500',
    );
  });

  it('shows the error and its stack for a failed run', () => {
    setup({ run: failedDetails });
    expect(screen.getByRole('heading', { name: 'Error (ETIMEDOUT)' })).toBeInTheDocument();
    expect(screen.getByText('Database timeout')).toBeInTheDocument();
    expect(screen.getByText(/at query \(db\.ts:42:11\)/)).toBeInTheDocument();
  });

  it('gives managers Re-run and Cancel, viewers neither', () => {
    const onRerun = vi.fn();
    const onCancel = vi.fn();
    const { rerender, props } = setup({ run: runningDetails, canManage: true, onRerun, onCancel });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel Run' }));
    fireEvent.click(screen.getByRole('button', { name: 'Re-run Job' }));
    expect(onCancel).toHaveBeenCalledWith(runningDetails);
    expect(onRerun).toHaveBeenCalledWith(runningDetails);
    rerender(<JobDetailsModal {...props} canManage={false} />);
    expect(screen.queryByRole('button', { name: 'Cancel Run' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Re-run Job' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy Run ID' })).toBeInTheDocument();
  });

  it('shows Stopping… and blocks a second cancel while one is pending', () => {
    setup({ run: runningDetails, canManage: true, onCancel: vi.fn(), cancelPending: true });
    expect(screen.getByRole('button', { name: /Stopping…/ })).toBeDisabled();
    expect(screen.getAllByText('Stopping…').length).toBeGreaterThan(0);
  });

  it('offers Cancel only for active runs', () => {
    setup({ canManage: true, onCancel: vi.fn() });
    expect(screen.queryByRole('button', { name: 'Cancel Run' })).toBeNull();
  });

  it('copies the run id', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const onCopyRunId = vi.fn();
    setup({ onCopyRunId });
    fireEvent.click(screen.getByRole('button', { name: 'Copy Run ID' }));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith('12846');
    expect(onCopyRunId).toHaveBeenCalledWith(successDetails);
  });

  it('shows loading and error states', () => {
    const { rerender, props } = setup({ run: null, loading: true });
    expect(screen.getByText('Loading run…')).toBeInTheDocument();
    rerender(
      <JobDetailsModal
        {...props}
        loading={false}
        error={{ error: 'Not found', details: 'No run 9', retryable: false }}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load this run. No run 9');
  });

  it('shows a too-large notice with a download link, and no link for a script URL', () => {
    const { rerender, props } = setup({ run: tooLargeDetails });
    const link = screen.getByRole('link', { name: 'Download parameters JSON' });
    expect(link).toHaveAttribute('href', '/api/admin/jobs/12846/raw/params');
    expect(screen.getByText('Metadata too large to show (5.2 MB).')).toBeInTheDocument();
    rerender(<JobDetailsModal {...props} run={hostileDetails} />);
    expect(screen.queryByRole('link', { name: 'Download metadata JSON' })).toBeNull();
  });

  it('says a value was left out rather than absent', () => {
    setup({ run: makeDetails({ ...successDetails, params: null, paramsTruncated: true, metadata: null }) });
    expect(screen.getByText(/Left out of this view/)).toBeInTheDocument();
    expect(screen.getByText('None')).toBeInTheDocument();
  });

  it('keeps hostile strings inert', () => {
    setup({ run: hostileDetails });
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    expect(screen.getAllByText(new RegExp(HOSTILE_TEXT.replace(/[()]/g, '\\$&'))).length).toBeGreaterThan(0);
  });

  it('renders a 5 MB value through a bounded preview', () => {
    const run = { ...successDetails, metadata: bigJson(5_000_000) };
    setup({ run });
    const tree = screen.getByRole('tree', { name: 'Metadata' });
    expect(tree.querySelectorAll('[role="treeitem"]').length).toBeLessThan(50);
    expect(screen.getByText(/Large value: showing the first/)).toBeInTheDocument();
  });

  it('closes on Escape and gives focus back to what opened it', async () => {
    render(<Host />);
    const opener = screen.getByRole('button', { name: 'Details' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = await screen.findByRole('dialog');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await vi.waitFor(() => expect(opener).toHaveFocus());
  });
});

describe('JobDetailsModal: re-run with changes', () => {
  it('offers a finished run to run again with changes, as a link and a callback', () => {
    const onRerunWithChanges = vi.fn();
    setup({
      run: failedDetails,
      canManage: true,
      onRerunWithChanges,
      links: { rerunWithChanges: '/admin/jobs/new?from=1' },
    });
    const link = screen.getByRole('link', { name: 'Re-run with changes…' });
    expect(link).toHaveAttribute('href', '/admin/jobs/new?from=1');
    fireEvent.click(link);
    expect(onRerunWithChanges).toHaveBeenCalledWith(failedDetails);
  });

  it('offers it neither for a run still going nor to viewers', () => {
    setup({ run: runningDetails, canManage: true, onRerunWithChanges: vi.fn() });
    expect(screen.queryByRole('button', { name: 'Re-run with changes…' })).not.toBeInTheDocument();
  });

  it('offers it to no viewer', () => {
    setup({ run: successDetails, canManage: false, onRerunWithChanges: vi.fn() });
    expect(screen.queryByRole('button', { name: 'Re-run with changes…' })).not.toBeInTheDocument();
  });
});

describe('JobDetailsModal: progress chart', () => {
  it("draws the run's progress over time when given samples", () => {
    const samples = [
      { at: '2026-12-05T10:00:00.000Z', percent: 0 },
      { at: '2026-12-05T10:00:30.000Z', percent: 40 },
      { at: '2026-12-05T10:01:00.000Z', percent: 100 },
    ];
    setup({ run: successDetails, progressSamples: samples });
    const chart = screen.getByRole('img', { name: /^Progress of / });
    expect(chart).toHaveAccessibleName(expect.stringContaining(successDetails.jobName));
    expect(chart).toHaveAccessibleName(expect.stringContaining('0% to 100% over'));
  });

  it('has no chart when the host gives no samples', () => {
    setup({ run: successDetails });
    expect(screen.queryByRole('img', { name: /^Progress of / })).not.toBeInTheDocument();
  });
});

describe('the run timeline', () => {
  it('names the time zone: UTC by default, or the zone the host passes', () => {
    setup({ timeZone: 'Europe/Berlin' });
    const started = screen.getAllByText(/^2026-01-08 11:23:00/)[0] as HTMLElement;
    expect(started.tagName).toBe('TIME');
    expect(started).toHaveAttribute('dateTime', successDetails.startedAt);
    expect(started.textContent).toMatch(/^2026-01-08 11:23:00 (CET|GMT\+1)$/);
  });

  it('server and hydrating render agree; "ago" joins only after hydration', async () => {
    const errors = vi.spyOn(console, 'error');
    const facts = <RunFacts run={successDetails} cancelPending={false} now={NOW} />;
    const html = renderToString(facts);
    expect(html).toContain('2026-01-08 10:23:00 UTC');
    expect(html).not.toContain('ago');
    const host = document.createElement('div');
    host.innerHTML = html;
    document.body.append(host);
    const root = await act(async () => hydrateRoot(host, facts));
    expect(errors.mock.calls).toEqual([]);
    expect(host.textContent).toContain('2026-01-08 10:23:00 UTC (7m ago)');
    act(() => root.unmount());
    host.remove();
    errors.mockRestore();
  });
});
