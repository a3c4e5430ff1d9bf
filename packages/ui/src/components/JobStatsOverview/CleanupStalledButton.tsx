import { displayRunId, type JobRunSummary } from '@jobs/contracts';
import { useState } from 'react';
import { Button } from '../Button/Button.js';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog.js';
import { SafeText } from '../SafeText/SafeText.js';
import styles from './JobStatsOverview.module.css';

/** What the preview needs of a run the clean-up would touch (full runs and summaries both fit). */
export type CleanupCandidate = Pick<JobRunSummary, 'id' | 'jobName'>;

type Preview =
  | { state: 'loading' }
  | { state: 'ready'; runs: readonly CleanupCandidate[] }
  | { state: 'error'; message: string };

interface CleanupStalledButtonProps {
  onPreview(): Promise<readonly CleanupCandidate[]>;
  onCleanup(): unknown;
}

const PREVIEW_LIMIT = 20;

/** Opens a confirm dialog that first shows what a dry run would clean; nothing happens unconfirmed. */
export function CleanupStalledButton({ onPreview, onCleanup }: CleanupStalledButtonProps) {
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const openDialog = (next: boolean) => {
    setOpen(next);
    setFailure(null);
    if (!next) return;
    setPreview({ state: 'loading' });
    onPreview().then(
      (runs) => setPreview({ state: 'ready', runs }),
      (error: unknown) =>
        setPreview({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  };

  const confirm = async () => {
    setBusy(true);
    try {
      await onCleanup();
      setOpen(false);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const count = preview.state === 'ready' ? preview.runs.length : 0;
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={openDialog}
      trigger={<Button variant="secondary">Clean Up Stalled Jobs</Button>}
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
