import type { JobRunSummary, LogLine } from '@jobs/contracts';
import { displayRunId, isActive } from '@jobs/contracts';
import { visibleText } from '../../lib/visibleText.js';
import { Button } from '../Button/index.js';
import { DialogFrame } from '../DialogFrame/DialogFrame.js';
import { JobLogViewer } from '../JobLogViewer/index.js';
import { SafeText } from '../SafeText/SafeText.js';
import styles from './JobLogsModal.module.css';

export interface JobLogsModalProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** the run whose log this is; null while the host is still resolving it */
  run: Pick<JobRunSummary, 'id' | 'jobName' | 'status'> | null;
  lines: readonly LogLine[];
  loading?: boolean;
  error?: string | null;
  /** whether the host's log subscription is live; shown so a quiet log is not mistaken for a stuck one */
  streaming?: boolean;
  onRetry?: (runId: string) => void;
  onFollowingChange?: (following: boolean) => void;
  /** where Close goes when the dialog is a page of its own: a link that works without JavaScript */
  closeHref?: string;
}

/** A run's log in a large dialog; the host subscribes (logs:subscribe) while it is open. */
export function JobLogsModal({
  open,
  onOpenChange,
  run,
  lines,
  loading = false,
  error = null,
  streaming = false,
  onRetry,
  onFollowingChange,
  closeHref,
}: JobLogsModalProps) {
  const name = run ? (
    <>
      <SafeText text={run.jobName} /> {displayRunId(run.id)}
    </>
  ) : (
    'run'
  );
  const nameText = run ? `${visibleText(run.jobName)} ${displayRunId(run.id)}` : 'run';
  const live = run !== null && isActive(run.status);
  return (
    <DialogFrame
      open={open}
      onOpenChange={onOpenChange}
      title={<span dir="auto">Logs: {name}</span>}
      size="large"
      dataAttributes={{ 'data-component': 'job-logs-modal' }}
      {...(closeHref === undefined ? {} : { closeHref })}
    >
      <div className={styles.body}>
        <p className={styles.status} data-streaming={streaming || undefined}>
          {live
            ? streaming
              ? '● Streaming new lines'
              : 'Run in progress — live updates paused'
            : run
              ? 'Run finished'
              : ''}
          {error && onRetry && run ? (
            <Button size="small" onClick={() => onRetry(run.id)}>
              Retry
            </Button>
          ) : null}
        </p>
        <JobLogViewer
          lines={lines}
          label={`Logs of ${nameText}`}
          loading={loading}
          error={error}
          height="100%"
          onFollowingChange={onFollowingChange}
          className={styles.viewer}
        />
      </div>
    </DialogFrame>
  );
}
