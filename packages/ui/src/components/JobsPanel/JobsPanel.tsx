import type { JobRunSummary } from '@jobs/contracts';
import * as Popover from '@radix-ui/react-popover';
import { useId, useMemo, useState } from 'react';
import { useNow } from '../../lib/useNow.js';
import { Button } from '../Button/Button.js';
import { CancelRunConfirm } from '../CancelRunConfirm/CancelRunConfirm.js';
import { JobsPanelButton } from '../JobsPanelButton/JobsPanelButton.js';
import styles from './JobsPanel.module.css';
import { PanelRunItem } from './PanelRunItem.js';
import { panelModel } from './panel-model.js';

export interface JobsPanelProps {
  /** Every run the panel knows: in-progress and recently finished (the host persists and seeds them). */
  runs: readonly JobRunSummary[];
  /**
   * The in-progress rows in the host's order (a live host passes the page's active list, so the
   * panel and the page agree on members and order); active runs in `runs` are then ignored.
   */
  inProgress?: readonly JobRunSummary[];
  /** How many runs are in progress in all, when `inProgress` lists only the first of them. */
  inProgressCount?: number;
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
  inProgress: givenInProgress,
  inProgressCount,
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
  const { inProgress, recent, combined } = useMemo(
    () => panelModel(runs, maxRecent, givenInProgress),
    [runs, maxRecent, givenInProgress],
  );
  const count = Math.max(inProgressCount ?? 0, inProgress.length);
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
        <CancelRunConfirm
          run={confirming}
          onOpenChange={(next) => (next ? undefined : setConfirming(null))}
          onConfirm={(run) => {
            onCancel(run);
            setConfirming(null);
          }}
        />
      ) : null}
      <Popover.Trigger asChild>
        <JobsPanelButton count={count} fraction={combined} className={className} />
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
            {count === 0 && recent.length === 0 && <p className={styles.empty}>No recent jobs.</p>}
            {count > 0 && (
              <section aria-label="In progress">
                <h3 className={styles.group}>In progress ({count})</h3>
                <ul className={styles.list}>{inProgress.map(item)}</ul>
                {count > inProgress.length && (
                  <p className={styles.empty} data-field="more">
                    and {count - inProgress.length} more
                  </p>
                )}
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
