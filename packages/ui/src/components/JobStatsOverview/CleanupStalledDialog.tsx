import { displayRunId } from '@jobs/contracts';
import { type RefObject, useEffect, useState } from 'react';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog.js';
import { SafeText } from '../SafeText/SafeText.js';
import type { CleanupCandidate } from './CleanupStalledButton.js';
import styles from './JobStatsOverview.module.css';

type Preview =
  | { state: 'loading' }
  | { state: 'ready'; runs: readonly CleanupCandidate[] }
  | { state: 'error'; message: string };

export interface CleanupStalledDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** the dry run asked for when the dialog last opened */
  preview: Promise<readonly CleanupCandidate[]>;
  onCleanup(): unknown;
  returnFocusTo: RefObject<HTMLElement | null>;
}

const PREVIEW_LIMIT = 20;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The Clean Up question (loaded on first use, see CleanupStalledButton): the dry run's runs, then confirm. */
export function CleanupStalledDialog({
  open,
  onOpenChange,
  preview: asked,
  onCleanup,
  returnFocusTo,
}: CleanupStalledDialogProps) {
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // A new opening asked again: start from "checking" in this very render, not one frame later.
  const [shown, setShown] = useState(asked);
  if (shown !== asked) {
    setShown(asked);
    setPreview({ state: 'loading' });
    setFailure(null);
  }
  useEffect(() => {
    let current = true;
    asked.then(
      (runs) => current && setPreview({ state: 'ready', runs }),
      (error: unknown) => current && setPreview({ state: 'error', message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [asked]);

  const confirm = async () => {
    setBusy(true);
    try {
      await onCleanup();
      onOpenChange(false);
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const count = preview.state === 'ready' ? preview.runs.length : 0;
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        setFailure(null);
        onOpenChange(next);
      }}
      returnFocusTo={returnFocusTo}
      title={count > 0 ? `Clean up ${count} stalled job${count === 1 ? '' : 's'}?` : 'Clean up stalled jobs'}
      description="Runs that stopped sending heartbeats are marked FAILED so they leave the active list."
      confirmLabel="Clean Up"
      tone="danger"
      busy={busy}
      confirmDisabled={count === 0}
      onConfirm={confirm}
    >
      {failure && (
        <p role="alert">
          Clean-up failed: <SafeText text={failure} />
        </p>
      )}
      {preview.state === 'loading' && <p role="status">Checking for stalled jobs…</p>}
      {preview.state === 'error' && (
        <p role="alert">
          Could not check: <SafeText text={preview.message} />
        </p>
      )}
      {preview.state === 'ready' && count === 0 && <p role="status">No stalled jobs found.</p>}
      {preview.state === 'ready' && count > 0 && (
        <ul className={styles.previewList} aria-label="Runs that would be cleaned">
          {preview.runs.slice(0, PREVIEW_LIMIT).map((run) => (
            <li key={run.id}>
              <SafeText text={run.jobName} /> ({displayRunId(run.id)})
            </li>
          ))}
          {count > PREVIEW_LIMIT && <li>…and {count - PREVIEW_LIMIT} more</li>}
        </ul>
      )}
    </ConfirmDialog>
  );
}
