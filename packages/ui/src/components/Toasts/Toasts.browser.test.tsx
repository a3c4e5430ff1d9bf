import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { failedRun, NOW, runningRun, successRun } from '../../testing/fixtures.js';
import { Button } from '../Button/index.js';
import { DialogFrame } from '../DialogFrame/index.js';
import { JobsPanel } from '../JobsPanel/index.js';
import { type ToastMessage, Toasts } from './Toasts.js';

const failures: ToastMessage[] = [1, 2, 3].map((n) => ({
  id: `f${n}`,
  tone: 'error',
  title: `Could not cancel run #${n}`,
  description: 'The server answered 409: the run already finished, so there is nothing left to cancel.',
}));

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** No toast lies over any of `targets`. */
function expectUncovered(toasts: readonly Element[], targets: readonly Element[]): void {
  for (const toast of toasts)
    for (const target of targets)
      expect(
        overlaps(toast.getBoundingClientRect(), target.getBoundingClientRect()),
        `${toast.textContent} covers ${target.textContent}`,
      ).toBe(false);
}

describe('Toasts over an open dialog, in Chromium', () => {
  it("leave every button of the dialog uncovered (its footer's and its Close)", async () => {
    render(
      <>
        <DialogFrame
          open
          onOpenChange={() => {}}
          title="Job Run Details"
          size="large"
          footer={
            <>
              <Button>Re-run</Button>
              <Button>Cancel run</Button>
              <Button>Close details</Button>
            </>
          }
        >
          <p style={{ height: 2000 }}>A long body, so the dialog is as tall as the window.</p>
        </DialogFrame>
        <Toasts toasts={failures} onDismiss={() => {}} />
      </>,
    );
    const dialog = await screen.findByRole('dialog');
    const toasts = [...document.querySelectorAll('li[data-tone="error"]')];
    expect(toasts).toHaveLength(3);
    const buttons = [...dialog.querySelectorAll('button, a')];
    expect(buttons.length).toBeGreaterThanOrEqual(4);
    for (const toast of toasts) {
      const box = toast.getBoundingClientRect();
      // Still on screen, in full.
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
    }
    expectUncovered(toasts, buttons);
  });

  it('leave the open jobs panel uncovered: it hangs under the top bar, away from their corner', async () => {
    render(
      <>
        {/* the panel's button at the top right, as in a host's top bar */}
        <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 12 }}>
          <JobsPanel
            runs={[runningRun, successRun, failedRun]}
            now={NOW}
            onCancel={() => {}}
            onViewDetails={() => {}}
            onClearFinished={() => {}}
            showAllHref="/jobs"
            defaultOpen
          />
        </div>
        <Toasts toasts={failures} onDismiss={() => {}} />
      </>,
    );
    const panel = await screen.findByRole('dialog');
    const toasts = [...document.querySelectorAll('li[data-tone="error"]')];
    expect(toasts).toHaveLength(3);
    // Not a corner of it: its rows, their Cancel and Details, "Clear finished" and "Show all".
    expectUncovered(toasts, [panel]);
  });
});
