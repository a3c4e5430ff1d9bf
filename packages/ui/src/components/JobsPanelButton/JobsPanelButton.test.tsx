import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NOW, queuedRun, runningRun, successRun } from '../../testing/fixtures.js';
import { JobsPanel, type JobsPanelProps } from '../JobsPanel/JobsPanel.js';
import { JobsPanelButton, jobsPanelButtonState } from './JobsPanelButton.js';

/** The button's markup without what Radix adds to a trigger (ids, expanded state). */
function markup(button: Element | null): string {
  const copy = button?.cloneNode(true) as Element;
  for (const name of ['aria-haspopup', 'aria-expanded', 'aria-controls', 'data-state'])
    copy.removeAttribute(name);
  return copy.outerHTML;
}

describe('JobsPanelButton', () => {
  const cases: Array<[string, Pick<JobsPanelProps, 'runs' | 'inProgress' | 'inProgressCount'>]> = [
    ['no runs', { runs: [] }],
    ['one running, one finished', { runs: [runningRun, successRun] }],
    [
      'the host gives the in-progress rows and a larger count',
      { runs: [], inProgress: [queuedRun], inProgressCount: 14 },
    ],
  ];
  it.each(cases)('looks exactly like the JobsPanel trigger: %s', (_name, props) => {
    const panel = render(<JobsPanel {...props} now={NOW} className="topbar__jobs" />);
    const panelButton = panel.container.querySelector('button');
    const state = jobsPanelButtonState(props.runs, props.inProgress, props.inProgressCount);
    const alone = render(<JobsPanelButton {...state} className="topbar__jobs" />);
    expect(markup(alone.container.querySelector('button'))).toBe(markup(panelButton));
  });

  it('names the in-progress count and caps the badge', () => {
    const { getByRole } = render(<JobsPanelButton count={12} fraction={0.5} />);
    expect(getByRole('button', { name: 'Jobs, 12 in progress' })).toHaveAttribute('data-in-progress', '12');
    expect(getByRole('button').querySelector('[data-field="badge"]')?.textContent).toBe('9+');
  });
});
