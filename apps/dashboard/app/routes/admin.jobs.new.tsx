import { apiError, apiErrorFromIssues, EnqueueRequest, isActive } from '@jobs/contracts';
import { RunJobModal } from '@jobs/ui/RunJobModal';
import { type LoaderFunctionArgs, redirect } from '@remix-run/node';
import {
  useActionData,
  useLoaderData,
  useLocation,
  useNavigate,
  useNavigation,
  useOutletContext,
  useSubmit,
} from '@remix-run/react';
import { RouteError } from '../components/RouteError.js';
import { useKeptActionAnswer } from '../components/useKeptActionAnswer.js';
import { guardedAction } from '../services/action.server.js';
import { formFailure } from '../services/api-errors.server.js';
import { requirePageUser } from '../services/auth.server.js';
import { orThrow } from '../services/load.server.js';
import { withNotice } from '../services/notice.js';
import { keepRetryAfter } from '../services/retry-after.js';
import type { JobManagerData } from './admin.jobs.js';

export const headers = keepRetryAfter;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  if (user.role !== 'admin') throw redirect('/admin/jobs');
  // "Re-run with changes" (?from=<run id>): the form starts from that run's job and params.
  const from = new URL(request.url).searchParams.get('from');
  if (!from) return { prefill: null };
  const { run } = await orThrow(context.services.api.run(from));
  return { prefill: { jobName: run.jobName, params: run.params } };
}

export const action = guardedAction(
  { kind: 'page', access: 'admin', bucket: 'enqueue', audit: 'enqueue' },
  async ({ request, context, user, note }) => {
    const form = await request.formData();
    const jobName = String(form.get('jobName') ?? '').trim();
    const text = String(form.get('params') ?? '');
    note.action = `enqueue ${jobName}`;
    if (!jobName) return formFailure(400, apiError('Choose a job', 'Choose a job to run.', true, 'jobName'));
    let params: unknown = {};
    try {
      if (text.trim()) params = JSON.parse(text);
    } catch (error) {
      return formFailure(400, apiError('Invalid JSON syntax', (error as Error).message, true, 'parameters'));
    }
    const parsed = EnqueueRequest.safeParse({ jobName, params });
    if (!parsed.success)
      return formFailure(400, apiErrorFromIssues('Invalid parameters', parsed.error.issues));
    const { run } = await context.services.api.enqueue(parsed.data, user.email);
    note.runId = run.id;
    const back = new URL(request.url).search;
    return redirect(withNotice(`/admin/jobs${back}#active`, 'enqueued', run.id));
  },
);

export default function RunNewJob() {
  const jobs = useOutletContext<JobManagerData>();
  const result = useKeptActionAnswer(useActionData<typeof action>());
  const navigation = useNavigation();
  const navigate = useNavigate();
  const submit = useSubmit();
  const { prefill } = useLoaderData<typeof loader>();
  const search = withoutFrom(useLocation().search);
  const closeTo = `/admin/jobs${search}`;
  const submitting = navigation.state === 'submitting';
  const serverError = result && !result.ok ? result.error : null;
  const running = new Set(
    jobs.active.filter((r) => isActive(r.status) && r.status === 'RUNNING').map((r) => r.jobName),
  );

  // One dialog with and without JavaScript: it posts to this route as a plain form until hydrated.
  return (
    <RunJobModal
      open
      onOpenChange={(open) => (open ? undefined : navigate(closeTo, { preventScrollReset: true }))}
      closeHref={closeTo}
      action={`/admin/jobs/new${search}`}
      definitions={jobs.definitions}
      {...(prefill ? { defaultJobName: prefill.jobName, initialParams: prefill.params } : {})}
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

/** The history filters to go back to, without the run the form was prefilled from. */
function withoutFrom(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('from');
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}

export function ErrorBoundary() {
  return <RouteError title="Run New Job is not available" />;
}
