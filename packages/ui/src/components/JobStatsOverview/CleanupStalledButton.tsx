import type { JobRunSummary } from '@jobs/contracts';
import { lazy, type MouseEvent, Suspense, useRef, useState } from 'react';
import { followUnlessHandled } from '../../lib/followLink.js';
import { Button } from '../Button/Button.js';

/** What the preview needs of a run the clean-up would touch (full runs and summaries both fit). */
export type CleanupCandidate = Pick<JobRunSummary, 'id' | 'jobName'>;

interface CleanupStalledButtonProps {
  onPreview(): Promise<readonly CleanupCandidate[]>;
  onCleanup(): unknown;
  /** a page that previews and confirms without JavaScript: the button is a link to it */
  href?: string | undefined;
}

// The dialog (its preview and Radix AlertDialog) is not needed to draw the stats: it loads as the
// pointer or focus reaches the button, or at the latest on the click that opens it.
let loadingDialog: Promise<typeof import('./CleanupStalledDialog.js')> | null = null;
const loadDialog = () => {
  loadingDialog ??= import('./CleanupStalledDialog.js').catch((error: unknown) => {
    loadingDialog = null; // tried again on the next use
    throw error;
  });
  return loadingDialog;
};
const CleanupStalledDialog = lazy(() => loadDialog().then((m) => ({ default: m.CleanupStalledDialog })));
const preload = () => {
  void loadDialog().catch(() => {});
};

/** Opens a confirm dialog that first shows what a dry run would clean; nothing happens unconfirmed. */
export function CleanupStalledButton({ onPreview, onCleanup, href }: CleanupStalledButtonProps) {
  const [open, setOpen] = useState(false);
  // The dry run of the last opening; none yet: the dialog was never opened and is not loaded.
  const [asked, setAsked] = useState<Promise<readonly CleanupCandidate[]> | null>(null);
  const button = useRef<HTMLButtonElement & HTMLAnchorElement>(null);

  const openDialog = () => {
    const preview = onPreview();
    preview.catch(() => {}); // the dialog shows a failure; it may subscribe after it has loaded
    setAsked(preview);
    setOpen(true);
  };

  // What Radix's trigger would say, and the preload on intent.
  const intent = {
    'aria-haspopup': 'dialog' as const,
    'aria-expanded': open,
    onPointerEnter: preload,
    onFocus: preload,
    onTouchStart: preload,
  };
  const trigger =
    href === undefined ? (
      <Button ref={button} variant="secondary" onClick={openDialog} {...intent}>
        Clean Up Stalled Jobs
      </Button>
    ) : (
      // Once scripts run, a plain click opens the dialog here instead of loading the page.
      <Button
        ref={button}
        variant="secondary"
        href={href}
        onClick={(event: MouseEvent<HTMLAnchorElement>) => followUnlessHandled(event, openDialog)}
        {...intent}
      >
        Clean Up Stalled Jobs
      </Button>
    );
  if (asked === null) return trigger;
  return (
    <>
      {trigger}
      <Suspense fallback={null}>
        <CleanupStalledDialog
          open={open}
          onOpenChange={setOpen}
          preview={asked}
          onCleanup={onCleanup}
          returnFocusTo={button}
        />
      </Suspense>
    </>
  );
}
