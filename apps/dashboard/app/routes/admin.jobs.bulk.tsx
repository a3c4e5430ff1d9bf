import { apiError, isActive } from '@jobs/contracts';
import { type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { useActionData, useLoaderData, useLocation, useNavigation, useOutletContext } from '@remix-run/react';
import { BulkDialog } from '../components/BulkDialog.js';
import { RouteError } from '../components/RouteError.js';
import { useKeptActionAnswer } from '../components/useKeptActionAnswer.js';
import { guardedAction } from '../services/action.server.js';
import { formFailure } from '../services/api-errors.server.js';
import { requirePageUser } from '../services/auth.server.js';
import { cancelAll, startMultiple } from '../services/bulk.server.js';
import { orThrow } from '../services/load.server.js';
import { keepRetryAfter } from '../services/retry-after.js';
import type { JobManagerData } from './admin.jobs.js';

export const headers = keepRetryAfter;

/** `?step=cancel-all&cancelJob=…`: the confirmation step, with the count of runs a cancel would reach now. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  if (user.role !== 'admin') throw redirect('/admin/jobs');
  const url = new URL(request.url);
  if (url.searchParams.get('step') !== 'cancel-all') return { confirm: null };
  const jobName = (url.searchParams.get('cancelJob') ?? '').trim();
  const { runs } = await orThrow(context.services.api.active());
  const count = runs.filter((r) => isActive(r.status) && (!jobName || r.jobName === jobName)).length;
  return { confirm: { jobName, count } };
}

/**
 * Bulk operations: start N runs of one job, or cancel every active run (optionally one job's).
 * Audited with their counts whether every item, some or none went through (bulk.server.ts).
 */
export const action = guardedAction(
  { kind: 'page', access: 'admin', bucket: 'bulk', audit: 'bulk' },
  async ({ request, context, user, note }) => {
    const form = await request.formData();
    const intent = form.get('intent');
    const jobName = String(form.get('jobName') ?? '').trim() || undefined;
    const outcome =
      intent === 'start'
        ? await startMultiple(
            context.services,
            user.email,
            { jobName, count: Number(form.get('count')), paramsText: String(form.get('params') ?? '') },
            note,
          )
        : intent === 'cancel-all'
          ? await cancelAll(context.services, user.email, jobName, note)
          : null;
    if (!outcome) return formFailure(400, apiError('Unknown intent', 'Choose start or cancel-all.', true));
    return outcome.ok ? outcome : formFailure(outcome.status, outcome.error);
  },
);

const STEP_PARAMS = ['step', 'cancelJob'];

export default function BulkOperations() {
  const jobs = useOutletContext<JobManagerData>();
  const { confirm } = useLoaderData<typeof loader>();
  const result = useKeptActionAnswer(useActionData<typeof action>());
  const busy = useNavigation().state === 'submitting';
  const { search } = useLocation();
  const filters = new URLSearchParams(search);
  for (const name of STEP_PARAMS) filters.delete(name);
  return (
    <BulkDialog
      definitions={jobs.definitions}
      active={jobs.active}
      result={result}
      busy={busy}
      confirm={confirm}
      filters={filters}
    />
  );
}

export function ErrorBoundary() {
  return <RouteError title="Bulk operations are not available" />;
}
