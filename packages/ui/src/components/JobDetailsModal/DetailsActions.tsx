import type { JobRunDetails } from '@jobs/contracts';
import { isActive } from '@jobs/contracts';
import { type MouseEvent, useEffect, useState } from 'react';
import { followUnlessHandled } from '../../lib/followLink.js';
import { GetButton } from '../../lib/GetButton.js';
import { Button } from '../Button/index.js';
import styles from './JobDetailsModal.module.css';

export interface DetailsActionsProps {
  run: JobRunDetails;
  canManage: boolean;
  cancelPending: boolean;
  onRerun?: ((run: JobRunDetails) => void) | undefined;
  onRerunWithChanges?: ((run: JobRunDetails) => void) | undefined;
  onCancel?: ((run: JobRunDetails) => void) | undefined;
  onViewLogs?: ((run: JobRunDetails) => void) | undefined;
  onCopyRunId?: ((run: JobRunDetails) => void) | undefined;
  /** addresses that make the actions work without JavaScript (see JobDetailsModal) */
  links?: DetailsLinks | undefined;
}

/**
 * For a host whose details dialog is a page of its own: View logs and Cancel become links, Re-run a
 * POST form. A plain click still calls the matching `on…` callback once scripts run.
 */
export interface DetailsLinks {
  logs?: string;
  /** a confirmation page for the cancel */
  cancel?: string;
  /** where Re-run posts */
  rerun?: string;
  /** the run form, prefilled with this run's job and params */
  rerunWithChanges?: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Copy Run ID, View logs, and — for people who may manage jobs — Re-run and Cancel. */
export function DetailsActions({
  run,
  canManage,
  cancelPending,
  onRerun,
  onRerunWithChanges,
  onCancel,
  onViewLogs,
  onCopyRunId,
  links = {},
}: DetailsActionsProps) {
  const [copy, setCopy] = useState<CopyState>('idle');
  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copy]);

  const copyId = async () => {
    try {
      await navigator.clipboard.writeText(run.id);
      setCopy('copied');
      onCopyRunId?.(run);
    } catch {
      setCopy('failed');
    }
  };
  const stopping = cancelPending || run.cancelRequestedAt !== null;

  return (
    <div className={styles.actions}>
      <Button onClick={copyId} data-copy-state={copy}>
        {copy === 'copied' ? 'Copied' : copy === 'failed' ? 'Copy failed' : 'Copy Run ID'}
      </Button>
      <span className="jobs-visually-hidden" role="status">
        {copy === 'copied' ? 'Run ID copied' : copy === 'failed' ? 'Could not copy the run ID' : ''}
      </span>
      {links.logs !== undefined ? (
        <Button
          href={links.logs}
          onClick={(event: MouseEvent<HTMLAnchorElement>) =>
            followUnlessHandled(event, onViewLogs && (() => onViewLogs(run)))
          }
        >
          View logs
        </Button>
      ) : onViewLogs ? (
        <Button onClick={() => onViewLogs(run)}>View logs</Button>
      ) : null}
      {canManage && links.rerun !== undefined ? (
        <form method="post" action={links.rerun} className={styles.inlineForm}>
          <Button
            type="submit"
            onClick={(event) => {
              if (!onRerun) return;
              event.preventDefault();
              onRerun(run);
            }}
          >
            Re-run Job
          </Button>
        </form>
      ) : canManage && onRerun ? (
        <Button onClick={() => onRerun(run)}>Re-run Job</Button>
      ) : null}
      {canManage && !isActive(run.status) && links.rerunWithChanges !== undefined ? (
        <Button
          href={links.rerunWithChanges}
          onClick={(event: MouseEvent<HTMLAnchorElement>) =>
            followUnlessHandled(event, onRerunWithChanges && (() => onRerunWithChanges(run)))
          }
        >
          Re-run with changes…
        </Button>
      ) : canManage && !isActive(run.status) && onRerunWithChanges ? (
        <Button onClick={() => onRerunWithChanges(run)}>Re-run with changes…</Button>
      ) : null}
      {canManage && isActive(run.status) && stopping && (onCancel || links.cancel !== undefined) ? (
        <Button variant="danger" disabled busy>
          Stopping…
        </Button>
      ) : canManage && isActive(run.status) && links.cancel !== undefined ? (
        <GetButton variant="danger" href={links.cancel} onAction={onCancel && (() => onCancel(run))}>
          Cancel Run
        </GetButton>
      ) : canManage && onCancel && isActive(run.status) ? (
        <Button variant="danger" onClick={() => onCancel(run)}>
          Cancel Run
        </Button>
      ) : null}
    </div>
  );
}
