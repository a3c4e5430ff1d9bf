import type { JobsPanelProps } from '@jobs/ui/JobsPanel';
import { JobsPanelButton, jobsPanelButtonState } from '@jobs/ui/JobsPanelButton';
import { Suspense, useState } from 'react';
import { preloadable, preloadOnIntent } from './preloadable.js';

// The panel's popover (Radix Popover, Floating UI) is a tenth of the page's JavaScript and most
// page views never open it: the top bar shows the same button, and the panel loads on intent.
const panel = preloadable(() => import('@jobs/ui/JobsPanel').then((m) => m.JobsPanel));

/** JobsPanel, loaded when the pointer or focus reaches its button, opened by the click that wanted it. */
export function LazyJobsPanel(props: JobsPanelProps) {
  const [wanted, setWanted] = useState(false);
  const state = jobsPanelButtonState(props.runs, props.inProgress, props.inProgressCount);
  const button = (
    <JobsPanelButton
      {...state}
      className={props.className}
      aria-haspopup="dialog"
      aria-expanded={false}
      {...preloadOnIntent(panel.preload)}
      onClick={() => setWanted(true)}
    />
  );
  if (!wanted) return button;
  return (
    <Suspense fallback={button}>
      <panel.Component {...props} defaultOpen />
    </Suspense>
  );
}
