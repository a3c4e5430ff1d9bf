import { displayRunId, type JobRunSummary } from '@jobs/contracts';
import * as Popover from '@radix-ui/react-popover';
import { useId, useMemo, useState } from 'react';
import { useNow } from '../../lib/useNow.js';
import { visibleText } from '../../lib/visibleText.js';
import { Button } from '../Button/Button.js';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog.js';
import styles from './JobsPanel.module.css';
import { PanelRunItem } from './PanelRunItem.js';
import { ProgressRing } from './ProgressRing.js';
import { badgeText, panelModel } from './panel-model.js';

export interface JobsPanelProps {
  /** Every run the panel knows: in-progress and recently finished (the host persists and seeds them). */
  runs: readonly JobRunSummary[];
  /** Runs this tab asked to cancel, not yet confirmed: shown as "Stopping…". */
  cancelPendingIds?: ReadonlySet<string>;
  onCancel?(run: JobRunSummary): void;
  /**
   * Whether a run may be cancelled (its job definition's `cancellable`): Cancel shows only on
   * those rows, as on JobRunCard. Without it every in-progress row offers Cancel.
   */
  canCancel?(run: JobRunSummary): boolean;
  /** Ask before cancelling ("Cancel match-scores (#12847)?"); `onCancel` runs once confirmed. */
  confirmCancel?: boolean;
  onViewDetails?(run: JobRunSummary): void;
  /** Drops finished runs from the panel; the button hides without it or without finished runs. */
  onClearFinished?(): void;
  /** The full jobs page ("Show all"). */
  showAllHref?: string;
  /** How many finished runs to list. */
  maxRecent?: number;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?(open: boolean): void;
  now?: Date;
  className?: string;
}

const EMPTY: ReadonlySet<string> = new Set();

/** The downloads-style panel: a toolbar button with a badge and ring, and a popover list. */
export function JobsPanel({
  runs,
  cancelPendingIds = EMPTY,
  onCancel,
  canCancel,
  confirmCancel = false,
  onViewDetails,
  onClearFinished,
  showAllHref,
  maxRecent = 10,
  open,
  defaultOpen,
  onOpenChange,
  now: fixedNow,
  className,
}: JobsPanelProps) {
  const now = useNow(fixedNow);
  const headingId = useId();
  const { inProgress, recent, combined } = useMemo(() => panelModel(runs, maxRecent), [runs, maxRecent]);
  const badge = badgeText(inProgress.length);
  const buttonLabel = inProgress.length ? `Jobs, ${inProgress.length} in progress` : 'Jobs';
  const [confirming, setConfirming] = useState<JobRunSummary | null>(null);
  const requestCancel = onCancel && (confirmCancel ? setConfirming : onCancel);
  const item = (run: JobRunSummary) => (
    <PanelRunItem
      key={run.id}
      run={run}
      now={now}
      cancelPending={cancelPendingIds.has(run.id)}
      onCancel={canCancel && !canCancel(run) ? undefined : requestCancel}
      onViewDetails={onViewDetails}
    />
  );
  return (
    <Popover.Root open={open} defaultOpen={defaultOpen} onOpenChange={onOpenChange}>
      {/* Outside the popover's content: the question stays when the popover closes behind it. */}
      {onCancel && confirmCancel ? (
        <ConfirmDialog
          open={confirming !== null}
          onOpenChange={(next) => (next ? undefined : setConfirming(null))}
          title={
            confirming
              ? `Cancel ${visibleText(confirming.jobName)} (${displayRunId(confirming.id)})?`
              : 'Cancel run?'
          }
          description="The run stops at its next checkpoint; work done so far is kept."
          confirmLabel="Cancel run"
          cancelLabel="Keep running"
          tone="danger"
          onConfirm={() => {
            if (confirming) onCancel(confirming);
            setConfirming(null);
          }}
        />
      ) : null}
      <Popover.Trigger asChild>
        <button
          type="button"
          className={[styles.trigger, className].filter(Boolean).join(' ')}
          data-in-progress={inProgress.length}
        >
          {inProgress.length > 0 && <ProgressRing fraction={combined} />}
          <span className={styles.triggerIcon} aria-hidden="true">
            ⇩
          </span>
          <span className="jobs-visually-hidden">{buttonLabel}</span>
          {badge && (
            <span className={styles.badge} aria-hidden="true" data-field="badge">
              {badge}
            </span>
          )}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className={styles.content}
          align="end"
          sideOffset={8}
          aria-labelledby={headingId}
          // The cancel question takes focus; the panel stays open behind it.
          onFocusOutside={(event) => confirming && event.preventDefault()}
          onInteractOutside={(event) => confirming && event.preventDefault()}
        >
          <header className={styles.contentHeader}>
            <h2 id={headingId} className={styles.heading}>
              Jobs
            </h2>
            {onClearFinished && recent.length > 0 && (
              <Button size="small" variant="ghost" onClick={onClearFinished}>
                Clear finished
              </Button>
            )}
          </header>
          <div className={styles.scroll}>
            {inProgress.length === 0 && recent.length === 0 && (
              <p className={styles.empty}>No recent jobs.</p>
            )}
            {inProgress.length > 0 && (
              <section aria-label="In progress">
                <h3 className={styles.group}>In progress ({inProgress.length})</h3>
                <ul className={styles.list}>{inProgress.map(item)}</ul>
              </section>
            )}
            {recent.length > 0 && (
              <section aria-label="Recent">
                <h3 className={styles.group}>Recent</h3>
                <ul className={styles.list}>{recent.map(item)}</ul>
              </section>
            )}
          </div>
          {showAllHref && (
            <footer className={styles.footer}>
              <a className={styles.showAll} href={showAllHref}>
                Show all jobs
              </a>
            </footer>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
