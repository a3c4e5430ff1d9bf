import type { ApiError, JobRunDetails } from '@jobs/contracts';
import { displayRunId, isActive } from '@jobs/contracts';
import { DialogFrame } from '../DialogFrame/DialogFrame.js';
import { JobProgressChart, type ProgressSample } from '../JobProgressChart/JobProgressChart.js';
import { JsonViewer } from '../JsonViewer/index.js';
import { SafeText } from '../SafeText/SafeText.js';
import { DetailsActions, type DetailsLinks } from './DetailsActions.js';
import styles from './JobDetailsModal.module.css';
import { RunFacts } from './RunFacts.js';

export type { DetailsLinks } from './DetailsActions.js';

export interface JobDetailsModalProps {
  run: JobRunDetails | null;
  loading?: boolean;
  /** why the run could not be loaded: an ApiError from the host, or plain text */
  error?: ApiError | string | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onRerun?: (run: JobRunDetails) => void;
  /** "Re-run with changes…": open the run form prefilled with this run's params (finished runs) */
  onRerunWithChanges?: (run: JobRunDetails) => void;
  onCancel?: (run: JobRunDetails) => void;
  onViewLogs?: (run: JobRunDetails) => void;
  /** after Copy Run ID succeeded, e.g. for a toast */
  onCopyRunId?: (run: JobRunDetails) => void;
  /** the run's progress over time (from its progress events); a chart appears when given */
  progressSamples?: readonly ProgressSample[];
  /** this tab asked for the cancel and waits for the server */
  cancelPending?: boolean;
  /** viewers get no Re-run or Cancel (copying the id and reading logs stay) */
  canManage?: boolean;
  /** where Close goes when the dialog is a page of its own: a link that works without JavaScript */
  closeHref?: string;
  /** View logs, Cancel and Re-run as links and a form, for a host that must work without JavaScript */
  links?: DetailsLinks;
  /** IANA time zone the timeline is written in (`Europe/Berlin`); UTC by default */
  timeZone?: string;
  /** reference time for the timeline's "3m ago"; a ticking clock when absent (fix it in stories and tests) */
  now?: Date;
}

/** The "Job Run Details" dialog: every field of one run, its params and metadata, its error. */
export function JobDetailsModal({
  run,
  loading = false,
  error = null,
  open,
  onOpenChange,
  onRerun,
  onRerunWithChanges,
  onCancel,
  onViewLogs,
  onCopyRunId,
  progressSamples,
  cancelPending = false,
  canManage = false,
  closeHref,
  links,
  timeZone,
  now,
}: JobDetailsModalProps) {
  const state = loading ? 'loading' : error ? 'error' : run ? 'ready' : 'missing';
  const title = run ? (
    <>
      Job Run Details: <SafeText text={run.jobName} /> ({displayRunId(run.id)})
    </>
  ) : (
    'Job Run Details'
  );
  return (
    <DialogFrame
      open={open}
      onOpenChange={onOpenChange}
      title={<span dir="auto">{title}</span>}
      size="large"
      dataAttributes={{ 'data-component': 'job-details-modal', 'data-load-state': state }}
      {...(closeHref === undefined ? {} : { closeHref })}
      footer={
        run && !loading ? (
          <DetailsActions
            run={run}
            canManage={canManage}
            cancelPending={cancelPending}
            onRerun={onRerun}
            onRerunWithChanges={onRerunWithChanges}
            onCancel={onCancel}
            onViewLogs={onViewLogs}
            onCopyRunId={onCopyRunId}
            links={links}
          />
        ) : null
      }
    >
      {loading ? (
        <p className={styles.status} role="status" aria-busy="true">
          Loading run…
        </p>
      ) : error ? (
        <div className={styles.loadError} role="alert">
          <strong>Could not load this run.</strong>{' '}
          <SafeText text={typeof error === 'string' ? error : error.details} />
        </div>
      ) : run ? (
        <RunBody
          run={run}
          cancelPending={cancelPending}
          progressSamples={progressSamples}
          timeZone={timeZone}
          now={now}
        />
      ) : (
        <p className={styles.status}>No run selected.</p>
      )}
    </DialogFrame>
  );
}

/** A summary passed where details were expected: the value exists but was not sent. */
const LEFT_OUT = 'Left out of this view (over 1 kB); open the run again to load it.';

function RunBody({
  run,
  cancelPending,
  progressSamples,
  timeZone,
  now,
}: {
  run: JobRunDetails;
  cancelPending: boolean;
  progressSamples: readonly ProgressSample[] | undefined;
  timeZone: string | undefined;
  now: Date | undefined;
}) {
  return (
    <div className={styles.body} data-status={run.status} data-active={isActive(run.status) || undefined}>
      <RunFacts run={run} cancelPending={cancelPending} timeZone={timeZone} now={now} />
      {progressSamples ? (
        <section aria-labelledby="job-details-progress">
          <h3 id="job-details-progress" className={styles.section}>
            Progress
          </h3>
          <JobProgressChart
            samples={progressSamples}
            label={`Progress of ${run.jobName} ${displayRunId(run.id)}`}
          />
        </section>
      ) : null}
      {run.error ? (
        <section className={styles.error} aria-labelledby="job-details-error">
          <h3 id="job-details-error" className={styles.section}>
            Error{run.error.code ? ` (${run.error.code})` : ''}
          </h3>
          <p className={styles.errorMessage} dir="auto">
            <SafeText text={run.error.message} multiline />
          </p>
          {run.error.stack ? (
            <details>
              <summary>Stack trace</summary>
              <pre className={styles.stack}>
                <SafeText text={run.error.stack} multiline />
              </pre>
            </details>
          ) : null}
        </section>
      ) : null}
      <h3 className={styles.section}>Parameters</h3>
      <JsonViewer
        label="Parameters"
        value={run.params}
        tooLarge={run.tooLarge.params}
        emptyText={run.paramsTruncated ? LEFT_OUT : 'None'}
      />
      <h3 className={styles.section}>Metadata</h3>
      <JsonViewer
        label="Metadata"
        value={run.metadata}
        tooLarge={run.tooLarge.metadata}
        emptyText={run.metadataTruncated ? LEFT_OUT : 'None'}
      />
    </div>
  );
}
