import { displayRunId, type JobRunSummary } from '@jobs/contracts';
import { visibleText } from '../../lib/visibleText.js';
import { ConfirmDialog, type ConfirmDialogProps } from '../ConfirmDialog/ConfirmDialog.js';

/** The run a cancel asks about: only what the question names. */
export type RunToCancel = Pick<JobRunSummary, 'id' | 'jobName'>;

/**
 * The one wording of "cancel this run?", whichever button asked (a card, the details dialog, the
 * jobs panel, the page that confirms without JavaScript). Change it here and every entry follows.
 */
export const CANCEL_RUN_COPY = {
  description: 'The run stops at its next checkpoint; work done so far is kept.',
  confirmLabel: 'Cancel run',
  cancelLabel: 'Keep running',
} as const;

/** "Cancel match-scores (#12847)?"; a name's control characters show as escapes. */
export function cancelRunTitle(run: RunToCancel | null): string {
  return run ? `Cancel ${visibleText(run.jobName)} (${displayRunId(run.id)})?` : 'Cancel run?';
}

type Fixed = 'title' | 'description' | 'confirmLabel' | 'cancelLabel' | 'tone' | 'onConfirm' | 'open';

export interface CancelRunConfirmProps<R extends RunToCancel = RunToCancel>
  extends Omit<ConfirmDialogProps, Fixed> {
  /** The run being asked about; null closes the question. */
  run: R | null;
  /** Confirmed: the host cancels `run` (and closes the question). */
  onConfirm(run: R): void;
}

/**
 * The cancel confirmation every entry point shows: ConfirmDialog with the one copy and the danger
 * tone. Everything else (busy, a controlled `onOpenChange`, the page form of ConfirmDialog) passes
 * through, so the no-JavaScript page renders this same component.
 */
export function CancelRunConfirm<R extends RunToCancel>({
  run,
  onConfirm,
  ...rest
}: CancelRunConfirmProps<R>) {
  return (
    <ConfirmDialog
      {...rest}
      open={run !== null}
      title={cancelRunTitle(run)}
      {...CANCEL_RUN_COPY}
      tone="danger"
      onConfirm={() => {
        if (run) onConfirm(run);
      }}
    />
  );
}
