import { type ApiError, isActive, type JobDefinition, type JobRunSummary } from '@jobs/contracts';
import { Button } from '@jobs/ui/Button';
import { DialogFrame } from '@jobs/ui/DialogFrame';
import { Form, Link, useNavigate } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';

export type BulkResult = { ok: true; summary: string; failures: string[] } | { ok: false; error: ApiError };

/** The confirmation step of "Cancel all": what the server counted just now. */
export interface CancelAllPreview {
  jobName: string;
  count: number;
}

interface Props {
  definitions: readonly JobDefinition[];
  /** the page's active runs, for the count shown while choosing */
  active: readonly JobRunSummary[];
  result: BulkResult | undefined;
  busy: boolean;
  confirm: CancelAllPreview | null;
  /** `?page&job&status&q` of the history behind the dialog, kept through every step */
  filters: URLSearchParams;
}

/**
 * Bulk operations as a dialog over the Job Manager. "Cancel all" takes two steps: choosing asks the
 * server for a count (a GET, so it works without JavaScript and changes nothing), and only the
 * second step, which names that count, posts the cancel.
 */
export function BulkDialog({ definitions, active, result, busy, confirm, filters }: Props) {
  const navigate = useNavigate();
  const query = filters.toString();
  const closeTo = `/admin/jobs${query ? `?${query}` : ''}`;
  const here = `/admin/jobs/bulk${query ? `?${query}` : ''}`;
  return (
    <DialogFrame
      open
      onOpenChange={(open) => (open ? undefined : navigate(closeTo, { preventScrollReset: true }))}
      closeHref={closeTo}
      title="Bulk operations"
      dataAttributes={{ 'data-step': confirm ? 'confirm-cancel-all' : 'choose' }}
    >
      <div className="bulk-dialog">
        {result ? <ResultNote result={result} /> : null}
        {confirm ? (
          <ConfirmCancelAll preview={confirm} back={here} action={here} busy={busy} />
        ) : (
          <>
            <StartMultiple definitions={definitions} action={here} busy={busy} />
            <ChooseCancelAll definitions={definitions} active={active} filters={filters} />
          </>
        )}
      </div>
    </DialogFrame>
  );
}

function ResultNote({ result }: { result: BulkResult }) {
  return (
    <div role="status" className={result.ok ? 'notice' : 'form-error'} data-testid="bulk-result">
      <p>{result.ok ? result.summary : result.error.details}</p>
      {result.ok && result.failures.length ? (
        <ul>
          {result.failures.slice(0, 20).map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a static list of messages that may repeat.
            <li key={`${i}-${f}`}>{f}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function StartMultiple({
  definitions,
  action,
  busy,
}: {
  definitions: readonly JobDefinition[];
  action: string;
  busy: boolean;
}) {
  const [startJob, setStartJob] = useState(definitions[0]?.name ?? '');
  const [count, setCount] = useState(3);
  return (
    <Form method="post" action={action} className="form card" aria-label="Start multiple">
      <h3>Start multiple</h3>
      <input type="hidden" name="intent" value="start" />
      <label>
        Job
        <select name="jobName" value={startJob} onChange={(e) => setStartJob(e.target.value)}>
          <JobOptions definitions={definitions} />
        </select>
      </label>
      <label>
        How many (1–50)
        <input
          name="count"
          type="number"
          min={1}
          max={50}
          value={count}
          onChange={(e) => setCount(Number(e.target.value))}
        />
      </label>
      <label>
        Parameters (JSON)
        <input name="params" placeholder='{"batchSize": 100}' />
      </label>
      <p className="muted" data-testid="start-preview">
        This will start {Math.min(50, Math.max(1, count || 1))} runs of {startJob || '…'}.
      </p>
      <Button type="submit" variant="primary" disabled={busy} busy={busy}>
        Start multiple
      </Button>
    </Form>
  );
}

function ChooseCancelAll({
  definitions,
  active,
  filters,
}: {
  definitions: readonly JobDefinition[];
  active: readonly JobRunSummary[];
  filters: URLSearchParams;
}) {
  const [cancelJob, setCancelJob] = useState('');
  const shown = active.filter((r) => isActive(r.status) && (!cancelJob || r.jobName === cancelJob)).length;
  return (
    <Form method="get" action="/admin/jobs/bulk" className="form card" aria-label="Cancel all">
      <h3>Cancel all</h3>
      {[...filters].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="step" value="cancel-all" />
      <label>
        Only this job (optional)
        <select name="cancelJob" value={cancelJob} onChange={(e) => setCancelJob(e.target.value)}>
          <option value="">All jobs</option>
          <JobOptions definitions={definitions} />
        </select>
      </label>
      <p className="muted" data-testid="cancel-preview">
        This will cancel {shown} active runs.
      </p>
      <Button type="submit" variant="danger">
        Cancel all…
      </Button>
    </Form>
  );
}

function ConfirmCancelAll({
  preview,
  back,
  action,
  busy,
}: {
  preview: CancelAllPreview;
  back: string;
  action: string;
  busy: boolean;
}) {
  const keep = useRef<HTMLAnchorElement>(null);
  // The step replaced the button that led here: focus goes to the safe choice, not to <body>.
  useEffect(() => keep.current?.focus(), []);
  const runs = `${preview.count} active ${preview.count === 1 ? 'run' : 'runs'}`;
  return (
    <Form method="post" action={action} className="form card" aria-label="Confirm cancel all">
      <h3>Cancel all: confirm</h3>
      <input type="hidden" name="intent" value="cancel-all" />
      <input type="hidden" name="jobName" value={preview.jobName} />
      <p data-testid="cancel-confirm">
        {preview.count === 0
          ? `No active runs${preview.jobName ? ` of ${preview.jobName}` : ''} to cancel.`
          : `Cancel ${runs}${preview.jobName ? ` of ${preview.jobName}` : ''}? Each stops at its next checkpoint; work done so far is kept.`}
      </p>
      <div className="row">
        <Button asChild>
          <Link ref={keep} to={back} preventScrollReset>
            Keep running
          </Link>
        </Button>
        <Button type="submit" variant="danger" disabled={busy || preview.count === 0} busy={busy}>
          Cancel {preview.count} {preview.count === 1 ? 'run' : 'runs'}
        </Button>
      </div>
    </Form>
  );
}

/** One option per job definition, for the dialog's two job pickers. */
function JobOptions({ definitions }: { definitions: readonly JobDefinition[] }) {
  return definitions.map((d) => (
    <option key={d.id} value={d.name}>
      {d.name}
    </option>
  ));
}
