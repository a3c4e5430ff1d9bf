import { displayRunId, type JobRunSummary, uiStatusOf } from '@jobs/contracts';
import { memo, useId } from 'react';
import { followUnlessHandled } from '../../lib/followLink.js';
import { GetButton } from '../../lib/GetButton.js';
import { useNow } from '../../lib/useNow.js';
import { visibleText } from '../../lib/visibleText.js';
import { Button } from '../Button/Button.js';
import { JobProgressBar } from '../JobProgressBar/JobProgressBar.js';
import { JobStatusBadge } from '../JobStatusBadge/JobStatusBadge.js';
import { SafeText } from '../SafeText/SafeText.js';
import styles from './JobRunCard.module.css';
import { ActiveDetails, HistoryDetails } from './RunCardDetails.js';

export type JobRunCardVariant = 'active' | 'history';

export interface JobRunCardProps {
  run: JobRunSummary;
  variant: JobRunCardVariant;
  /**
   * This tab asked to cancel and the server has not confirmed yet: show "Stopping…". The host owns it
   * (set it in `onCancel` when cancelling without a confirmation step, so it shows at once).
   */
  cancelPending?: boolean;
  /** Fixes the clock (stories, tests, screenshots); otherwise one shared timer ticks each second. */
  now?: Date;
  /** False hides Cancel (e.g. the job is not cancellable, or the viewer may not cancel). */
  canCancel?: boolean;
  onCancel?(run: JobRunSummary): void;
  onViewDetails?(run: JobRunSummary): void;
  /**
   * Makes Details a link to this address (it works before hydration and without JavaScript, and
   * focus can return to it); with `onViewDetails` too, a plain click calls that instead.
   */
  detailsHref?: string;
  /** Makes Cancel a link to a confirmation page, for hosts without JavaScript; `onCancel` wins on click. */
  cancelHref?: string;
  className?: string;
}

/** One run: the active variant for the live list, the history variant for finished runs. */
export const JobRunCard = memo(function JobRunCard({
  run,
  variant,
  cancelPending = false,
  now: fixedNow,
  canCancel = true,
  onCancel,
  onViewDetails,
  detailsHref,
  cancelHref,
  className,
}: JobRunCardProps) {
  const now = useNow(fixedNow);
  const titleId = useId();
  // The host owns "a cancel is in flight" (`cancelPending`): a click may only open the host's
  // confirmation, so guessing here would leave a card stuck on "Stopping…" after "Keep running".
  // Hosts set it in the click handler itself (a discrete event), so it still shows at once.
  const status = uiStatusOf(run, cancelPending);
  const stopping = status === 'CANCEL_REQUESTED';
  const showCancel =
    variant === 'active' && canCancel && (onCancel !== undefined || cancelHref !== undefined);
  const label = `${visibleText(run.jobName)} ${displayRunId(run.id)}`;

  return (
    <article
      className={[styles.card, className].filter(Boolean).join(' ')}
      data-status={status}
      data-variant={variant}
      data-run-id={run.id}
      aria-labelledby={titleId}
    >
      <header className={styles.header}>
        <JobStatusBadge status={status} display="icon" />
        <h3 className={styles.title} id={titleId}>
          <span className={styles.name} dir="auto">
            <SafeText text={run.jobName} />
          </span>{' '}
          <span className={styles.id}>({displayRunId(run.id)})</span>
        </h3>
        <div className={styles.actions}>
          {showCancel &&
            (stopping ? (
              <Button size="small" busy disabled aria-label={`Stopping ${label}`}>
                Stopping…
              </Button>
            ) : cancelHref !== undefined ? (
              <GetButton
                size="small"
                href={cancelHref}
                aria-label={`Cancel ${label}`}
                onAction={onCancel && (() => onCancel(run))}
              >
                Cancel
              </GetButton>
            ) : (
              <Button size="small" aria-label={`Cancel ${label}`} onClick={() => onCancel?.(run)}>
                Cancel
              </Button>
            ))}
          {detailsHref !== undefined ? (
            <Button
              size="small"
              href={detailsHref}
              aria-label={`Details of ${label}`}
              onClick={(event) => followUnlessHandled(event, onViewDetails && (() => onViewDetails(run)))}
            >
              Details
            </Button>
          ) : onViewDetails ? (
            <Button size="small" aria-label={`Details of ${label}`} onClick={() => onViewDetails(run)}>
              Details
            </Button>
          ) : null}
        </div>
      </header>
      {variant === 'active' ? (
        <ActiveDetails run={run} status={status} now={now} />
      ) : (
        <HistoryDetails run={run} now={now} />
      )}
      {variant === 'active' && run.status === 'RUNNING' && !stopping && (
        <JobProgressBar
          percent={run.progress?.percent ?? null}
          message={run.progress?.message ?? null}
          label={`${label} progress`}
        />
      )}
    </article>
  );
});
