import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NOW, runningRun } from '../../testing/fixtures.js';
import { JobsPanel } from '../JobsPanel/JobsPanel.js';
import { CANCEL_RUN_COPY, CancelRunConfirm, cancelRunTitle } from './CancelRunConfirm.js';

/** Everything a reader of the question sees: its title, its description and its buttons. */
function question(dialog: HTMLElement) {
  return {
    text: dialog.textContent,
    buttons: within(dialog)
      .getAllByRole('button')
      .map((b) => b.textContent),
  };
}

describe('CancelRunConfirm', () => {
  it('asks with the one copy and hands back the run once confirmed', () => {
    const onConfirm = vi.fn();
    render(<CancelRunConfirm run={runningRun} onConfirm={onConfirm} />);
    const dialog = screen.getByRole('alertdialog', { name: `Cancel match-scores (#${runningRun.id})?` });
    expect(dialog).toHaveTextContent(CANCEL_RUN_COPY.description);
    expect(question(dialog).buttons).toEqual([CANCEL_RUN_COPY.cancelLabel, CANCEL_RUN_COPY.confirmLabel]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel run' }));
    expect(onConfirm).toHaveBeenCalledExactlyOnceWith(runningRun);
  });

  it('is closed without a run', () => {
    render(<CancelRunConfirm run={null} onConfirm={() => {}} />);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('shows a name that would steer the text as escapes', () => {
    expect(cancelRunTitle({ id: '7', jobName: 'a\u202Egnp.exe' })).toBe('Cancel a\\u202Egnp.exe (#7)?');
  });

  it('is the question the jobs panel asks, word for word', () => {
    const alone = render(<CancelRunConfirm run={runningRun} onConfirm={() => {}} />);
    const expected = question(screen.getByRole('alertdialog'));
    alone.unmount();
    render(<JobsPanel runs={[runningRun]} now={NOW} defaultOpen onCancel={() => {}} confirmCancel />);
    const panel = within(screen.getByRole('dialog', { name: 'Jobs' }));
    fireEvent.click(panel.getByRole('button', { name: /^Cancel match-scores/ }));
    expect(question(screen.getByRole('alertdialog'))).toEqual(expected);
  });

  it('asks the same words as the page form that works without JavaScript', () => {
    const dialog = render(<CancelRunConfirm run={runningRun} onConfirm={() => {}} />);
    const expected = screen.getByRole('alertdialog').textContent;
    dialog.unmount();
    render(<CancelRunConfirm run={runningRun} onConfirm={() => {}} action="/cancel" cancelHref="/jobs" />);
    const page = screen.getByRole('alertdialog');
    expect(page.textContent).toBe(expected);
    expect(page.querySelector('form')).toHaveAttribute('action', '/cancel');
    expect(within(page).getByRole('link', { name: 'Keep running' })).toHaveAttribute('href', '/jobs');
  });
});
