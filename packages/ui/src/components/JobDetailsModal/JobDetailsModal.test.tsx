import { makeDetails } from '@jobs/contracts/testing';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
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
import { JobDetailsModal, type JobDetailsModalProps } from './JobDetailsModal.js';

function setup(overrides: Partial<JobDetailsModalProps> = {}) {
  const props: JobDetailsModalProps = {
    run: successDetails,
    open: true,
    onOpenChange: vi.fn(),
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
    expect(dialog).toHaveTextContent('Started2026-01-08 10:23:00 (delay: 2.1s)');
    expect(dialog).toHaveTextContent('Finished2026-01-08 10:25:00 (duration: 2m 5s)');
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
