import { type ApiError, apiError, apiErrorFromIssues, EnqueueRequest, isActive } from '@jobs/contracts';
import { RunJobModal } from '@jobs/ui/RunJobModal';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import {
  Form,
  useActionData,
  useLocation,
  useNavigate,
  useNavigation,
  useOutletContext,
  useSubmit,
} from '@remix-run/react';
import { ModalFallback } from '../components/ModalFallback.js';
import { RouteError } from '../components/RouteError.js';
import { useHydrated } from '../components/useHydrated.js';
import { requireActionUser, requirePageUser } from '../services/auth.server.js';
import { pageRateLimit } from '../services/limits.server.js';
import { attempt } from '../services/load.server.js';
import { withNotice } from '../services/notice.js';
import { keepRetryAfter } from '../services/retry-after.js';
import type { JobManagerData } from './admin.jobs.js';

export const headers = keepRetryAfter;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  if (user.role !== 'admin') throw redirect('/admin/jobs');
  return null;
}

type Result = { ok: false; error: ApiError };
const fail = (error: ApiError, status = 400, headers?: HeadersInit) =>
  data<Result>({ ok: false, error }, { status, headers });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireActionUser(request, context, { role: 'admin', kind: 'page', bucket: 'enqueue' });
  const limited = pageRateLimit(user.limited);
  if (limited)
    return fail(apiError('Too many requests', limited.data.formError, true), 429, limited.init?.headers);
  const form = await request.formData();
  const jobName = String(form.get('jobName') ?? '').trim();
  const text = String(form.get('params') ?? '');
  if (!jobName) return fail(apiError('Choose a job', 'Choose a job to run.', true, 'jobName'));
  let params: unknown = {};
  try {
    if (text.trim()) params = JSON.parse(text);
  } catch (error) {
    return fail(apiError('Invalid JSON syntax', (error as Error).message, true, 'parameters'));
  }
  const parsed = EnqueueRequest.safeParse({ jobName, params });
  if (!parsed.success) return fail(apiErrorFromIssues('Invalid parameters', parsed.error.issues));
  const result = await attempt(context.services.api.enqueue(parsed.data, user.email));
  const runId = result.ok ? result.value.run.id : null;
  context.services.audit.record({
    who: user.email,
    action: `enqueue ${jobName}`,
    runId,
    outcome: result.ok ? 'ok' : 'error',
    detail: result.ok ? null : result.error.body.details.slice(0, 300),
  });
  if (!result.ok) return fail(result.error.body, result.error.status);
  const back = new URL(request.url).search;
  return redirect(withNotice(`/admin/jobs${back}#active`, 'enqueued', String(runId)));
}

export default function RunNewJob() {
  const jobs = useOutletContext<JobManagerData>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const submit = useSubmit();
  const { search } = useLocation();
  const hydrated = useHydrated();
  const closeTo = `/admin/jobs${search}`;
  const submitting = navigation.state === 'submitting';
  const serverError = result && !result.ok ? result.error : null;
  const running = new Set(
    jobs.active.filter((r) => isActive(r.status) && r.status === 'RUNNING').map((r) => r.jobName),
  );

  if (hydrated) {
    return (
      <RunJobModal
        open
        onOpenChange={(open) => (open ? undefined : navigate(closeTo, { preventScrollReset: true }))}
        definitions={jobs.definitions}
        runningJobNames={running}
        submitting={submitting}
        serverError={serverError}
        onSubmit={({ jobName, params }) =>
          submit(
            { jobName, params: JSON.stringify(params) },
            { method: 'post', action: `/admin/jobs/new${search}` },
          )
        }
      />
    );
  }
  return (
    <ModalFallback title="Run New Job" closeTo={closeTo}>
      <Form method="post" className="form">
        <label>
          Select Job
          <select name="jobName" required defaultValue="">
            <option value="">Choose a job…</option>
            {jobs.definitions.map((d) => (
              <option key={d.id} value={d.name}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Parameters (JSON)
          <textarea
            name="params"
            rows={6}
            placeholder='{"userId": 8}'
            aria-invalid={serverError ? true : undefined}
          />
        </label>
        {serverError ? (
          <p role="alert" className="form-error">
            {serverError.field ? `${serverError.field}: ` : ''}
            {serverError.details}
          </p>
        ) : null}
        <button type="submit" className="button button--primary">
          Enqueue Job
        </button>
      </Form>
    </ModalFallback>
  );
}

export function ErrorBoundary() {
  return <RouteError title="Run New Job is not available" />;
}
