import { isActive } from '@jobs/contracts';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { Form, useActionData, useLocation, useNavigation, useOutletContext } from '@remix-run/react';
import { useState } from 'react';
import { ModalFallback } from '../components/ModalFallback.js';
import { RouteError } from '../components/RouteError.js';
import { requireActionUser, requirePageUser } from '../services/auth.server.js';
import { type BulkOutcome, cancelAll, startMultiple } from '../services/bulk.server.js';
import { pageRateLimit } from '../services/limits.server.js';
import { keepRetryAfter } from '../services/retry-after.js';
import type { JobManagerData } from './admin.jobs.js';

export const headers = keepRetryAfter;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  if (user.role !== 'admin') throw redirect('/admin/jobs');
  return null;
}

/** Bulk operations: start N runs of one job, or cancel every active run (optionally one job's). */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireActionUser(request, context, { role: 'admin', kind: 'page', bucket: 'bulk' });
  const limited = pageRateLimit(user.limited);
  const form = await request.formData();
  const intent = form.get('intent');
  const jobName = String(form.get('jobName') ?? '').trim() || undefined;
  const outcome: BulkOutcome = limited
    ? { ok: false, summary: limited.data.formError, failures: [], status: 429 }
    : intent === 'start'
      ? await startMultiple(context.services, user.email, {
          jobName,
          count: Number(form.get('count')),
          paramsText: String(form.get('params') ?? ''),
        })
      : intent === 'cancel-all'
        ? await cancelAll(context.services, user.email, jobName)
        : { ok: false, summary: 'Choose start or cancel-all.', failures: [], status: 400 };
  const { status, ...body } = outcome;
  return data(body, { status, headers: status === 429 && limited ? limited.init?.headers : undefined });
}

export default function BulkOperations() {
  const jobs = useOutletContext<JobManagerData>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const { search } = useLocation();
  const [startJob, setStartJob] = useState(jobs.definitions[0]?.name ?? '');
  const [count, setCount] = useState(3);
  const [cancelJob, setCancelJob] = useState('');
  const activeRuns = jobs.active.filter((r) => isActive(r.status) && (!cancelJob || r.jobName === cancelJob));
  return (
    <ModalFallback title="Bulk operations" closeTo={`/admin/jobs${search}`}>
      {result ? (
        <div role="status" className={result.ok ? 'notice' : 'form-error'} data-testid="bulk-result">
          <p>{result.summary}</p>
          {result.failures.length ? (
            <ul>
              {result.failures.slice(0, 20).map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a static list of messages that may repeat.
                <li key={`${i}-${f}`}>{f}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <Form method="post" className="form card" aria-label="Start multiple">
        <h3>Start multiple</h3>
        <input type="hidden" name="intent" value="start" />
        <label>
          Job
          <select name="jobName" value={startJob} onChange={(e) => setStartJob(e.target.value)}>
            {jobs.definitions.map((d) => (
              <option key={d.id} value={d.name}>
                {d.name}
              </option>
            ))}
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
        <button type="submit" className="button button--primary" disabled={busy}>
          Start multiple
        </button>
      </Form>
      <Form method="post" className="form card" aria-label="Cancel all">
        <h3>Cancel all</h3>
        <input type="hidden" name="intent" value="cancel-all" />
        <label>
          Only this job (optional)
          <select name="jobName" value={cancelJob} onChange={(e) => setCancelJob(e.target.value)}>
            <option value="">All jobs</option>
            {jobs.definitions.map((d) => (
              <option key={d.id} value={d.name}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <p className="muted" data-testid="cancel-preview">
          This will cancel {activeRuns.length} active runs.
        </p>
        <button type="submit" className="button button--danger" disabled={busy}>
          Cancel all
        </button>
      </Form>
    </ModalFallback>
  );
}

export function ErrorBoundary() {
  return <RouteError title="Bulk operations are not available" />;
}
