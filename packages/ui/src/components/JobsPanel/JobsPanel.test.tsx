import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { failedRun, NOW, queuedRun, runningRun, successRun } from '../../testing/fixtures.js';
import { JobsPanel } from './JobsPanel.js';
import { badgeText, panelModel } from './panel-model.js';

describe('panel model', () => {
  it('caps the badge at 9+ and hides it at 0', () => {
    expect(badgeText(0)).toBeNull();
    expect(badgeText(3)).toBe('3');
    expect(badgeText(9)).toBe('9');
    expect(badgeText(10)).toBe('9+');
  });

  it('lists in-progress first, then finished newest first, and averages progress', () => {
    const older = { ...failedRun, finishedAt: '2026-01-08T09:00:00.000Z' };
    const model = panelModel([older, runningRun, successRun, queuedRun], 10);
    expect(model.inProgress.map((r) => r.id)).toEqual([queuedRun.id, runningRun.id]);
    expect(model.recent.map((r) => r.id)).toEqual([successRun.id, older.id]);
    expect(model.combined).toBeCloseTo(0.67);
  });
});

describe('JobsPanel', () => {
  it('names the button with the in-progress count and lists runs when open', () => {
    const onViewDetails = vi.fn();
    render(<JobsPanel runs={[runningRun, successRun]} now={NOW} defaultOpen onViewDetails={onViewDetails} />);
    expect(screen.getByRole('button', { name: 'Jobs, 1 in progress' })).toBeInTheDocument();
    const dialog = screen.getByRole('dialog', { name: 'Jobs' });
    const groups = within(dialog)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(groups).toEqual(['In progress (1)', 'Recent']);
    fireEvent.click(within(dialog).getByRole('button', { name: /^Details of match-scores #12846/ }));
    expect(onViewDetails).toHaveBeenCalledWith(successRun);
  });

  it('shows Stopping… for runs pending cancel, and no Cancel for finished runs', () => {
    render(
      <JobsPanel
        runs={[runningRun, successRun]}
        now={NOW}
        defaultOpen
        onCancel={() => {}}
        cancelPendingIds={new Set([runningRun.id])}
      />,
    );
    expect(screen.getByRole('button', { name: /^Stopping/ })).toBeDisabled();
    expect(screen.queryByRole('button', { name: /^Cancel match-scores #12846/ })).toBeNull();
  });

  it("lists the host's in-progress rows in the host's order, counts all of them, ignores stale ones in runs", () => {
    const first = { ...queuedRun, id: '201' };
    const second = { ...runningRun, id: '200' };
    // A stored entry still says running, but the host's active list no longer has it.
    const stale = { ...runningRun, id: '150' };
    render(
      <JobsPanel
        runs={[stale, successRun]}
        inProgress={[first, second]}
        inProgressCount={60}
        now={NOW}
        defaultOpen
      />,
    );
    expect(screen.getByRole('button', { name: 'Jobs, 60 in progress' })).toBeInTheDocument();
    const section = screen.getByRole('region', { name: 'In progress' });
    const rows = within(section).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('#201');
    expect(rows[1]).toHaveTextContent('#200');
    expect(section).toHaveTextContent('In progress (60)');
    expect(section).toHaveTextContent('and 58 more');
    expect(screen.getByRole('dialog', { name: 'Jobs' })).not.toHaveTextContent('#150');
  });

  it('has a Show all link', () => {
    render(<JobsPanel runs={[]} now={NOW} defaultOpen showAllHref="/admin/jobs" />);
    expect(screen.getByRole('link', { name: 'Show all jobs' })).toHaveAttribute('href', '/admin/jobs');
  });

  it('offers Cancel only where the definition allows it, and asks before cancelling', async () => {
    const onCancel = vi.fn();
    const notCancellable = { ...runningRun, id: '12900', jobName: 'stats-reconcile' };
    render(
      <JobsPanel
        runs={[runningRun, notCancellable]}
        now={NOW}
        defaultOpen
        onCancel={onCancel}
        canCancel={(run) => run.jobName !== 'stats-reconcile'}
        confirmCancel
      />,
    );
    const panel = within(screen.getByRole('dialog', { name: 'Jobs' }));
    expect(panel.queryByRole('button', { name: /^Cancel stats-reconcile/ })).toBeNull();
    fireEvent.click(panel.getByRole('button', { name: /^Cancel match-scores #12847/ }));
    expect(onCancel).not.toHaveBeenCalled();
    const question = await screen.findByRole('alertdialog', { name: 'Cancel match-scores (#12847)?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Keep running' }));
    expect(onCancel).not.toHaveBeenCalled();
    fireEvent.click(panel.getByRole('button', { name: /^Cancel match-scores #12847/ }));
    fireEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Cancel run' }),
    );
    expect(onCancel).toHaveBeenCalledExactlyOnceWith(runningRun);
  });
});
