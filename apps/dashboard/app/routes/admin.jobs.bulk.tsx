import { apiError, BulkCancelRequest, BulkEnqueueRequest, isActive } from '@jobs/contracts';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { Form, useActionData, useLocation, useNavigation, useOutletContext } from '@remix-run/react';
import { useState } from 'react';
import { ModalFallback } from '../components/ModalFallback.js';
import { RouteError } from '../components/RouteError.js';
import { requireActionUser, requirePageUser } from '../services/auth.server.js';
import { pageRateLimit } from '../services/limits.server.js';
import { attempt } from '../services/load.server.js';
import type { JobManagerData } from './admin.jobs.js';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  if (user.role !== 'admin') throw redirect('/admin/jobs');
  return null;
}

type Outcome = { ok: boolean; summary: string; failures: string[] };
const done = (o: Outcome, status = 200) => data(o, { status });

/** Seed 001's bulk operations: start N runs of one job, or cancel every active run (optionally one job's). */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireActionUser(request, context, { role: 'admin', kind: 'page' });
  const limited = pageRateLimit(context);
  if (limited) return done({ ok: false, summary: limited.data.formError, failures: [] }, 429);
  const form = await request.formData();
  const intent = form.get('intent');
  const jobName = String(form.get('jobName') ?? '').trim() || undefined;
  const { api, audit } = context.services;
  if (intent === 'start') {
    const count = Math.min(50, Math.max(1, Number(form.get('count')) || 1));
    let params: unknown = {};
    try {
      const text = String(form.get('params') ?? '').trim();
      if (text) params = JSON.parse(text);
    } catch (e) {
      return done({ ok: false, summary: `Invalid JSON syntax: ${(e as Error).message}`, failures: [] }, 400);
    }
    const req = BulkEnqueueRequest.safeParse({
      items: Array.from({ length: count }, () => ({ jobName, params })),
    });
    if (!req.success)
      return done(
        { ok: false, summary: req.error.issues[0]?.message ?? 'Invalid request', failures: [] },
        400,
      );
    const r = await attempt(api.bulkEnqueue(req.data, user.email));
    if (!r.ok) return done({ ok: false, summary: r.error.body.details, failures: [] }, r.error.status);
    const started = r.value.results.filter((x) => x.ok).length;
    audit.record({
      who: user.email,
      action: `bulk start ${jobName} ×${count}`,
      runId: null,
      outcome: 'ok',
      detail: `${started} started`,
    });
    return done({
      ok: true,
      summary: `Started ${started} of ${count} runs of ${jobName}.`,
      failures: r.value.results.flatMap((x) => (x.ok ? [] : [x.error ?? 'failed'])),
    });
  }
  if (intent === 'cancel-all') {
    const req = BulkCancelRequest.parse({ filter: jobName ? { jobName } : {} });
    const r = await attempt(api.bulkCancel(req, user.email));
    if (!r.ok) return done({ ok: false, summary: r.error.body.details, failures: [] }, r.error.status);
    const ok = r.value.results.filter((x) => x.ok).length;
    audit.record({
      who: user.email,
      action: `bulk cancel${jobName ? ` ${jobName}` : ''}`,
      runId: null,
      outcome: 'ok',
      detail: `${ok} of ${r.value.results.length}`,
    });
    return done({
      ok: true,
      summary: `Cancel requested for ${ok} of ${r.value.results.length} active runs.`,
      failures: r.value.results.flatMap((x) => (x.ok ? [] : [`#${x.id}: ${x.error ?? 'failed'}`])),
    });
  }
  return done(
    {
      ok: false,
      summary: apiError('Unknown action', 'Choose start or cancel-all.', false).details,
      failures: [],
    },
    400,
  );
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
