import type { JobRunDetails } from '@jobs/contracts';
import { isActive } from '@jobs/contracts';
import { useEffect, useState } from 'react';
import { Button } from '../Button/index.js';
import styles from './JobDetailsModal.module.css';

export interface DetailsActionsProps {
  run: JobRunDetails;
  canManage: boolean;
  cancelPending: boolean;
  onRerun?: ((run: JobRunDetails) => void) | undefined;
  onCancel?: ((run: JobRunDetails) => void) | undefined;
  onViewLogs?: ((run: JobRunDetails) => void) | undefined;
  onCopyRunId?: ((run: JobRunDetails) => void) | undefined;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Copy Run ID, View logs, and — for people who may manage jobs — Re-run and Cancel. */
export function DetailsActions({
  run,
  canManage,
  cancelPending,
  onRerun,
  onCancel,
  onViewLogs,
  onCopyRunId,
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
      {onViewLogs ? <Button onClick={() => onViewLogs(run)}>View logs</Button> : null}
      {canManage && onRerun ? <Button onClick={() => onRerun(run)}>Re-run Job</Button> : null}
      {canManage && onCancel && isActive(run.status) ? (
        <Button variant="danger" disabled={stopping} busy={stopping} onClick={() => onCancel(run)}>
          {stopping ? 'Stopping…' : 'Cancel Run'}
        </Button>
      ) : null}
    </div>
  );
}
