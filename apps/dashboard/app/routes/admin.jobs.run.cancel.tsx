import { displayRunId, isActive } from '@jobs/contracts';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { ModalFallback } from '../components/ModalFallback.js';
import { RouteError } from '../components/RouteError.js';
import { requireActionUser, requirePageUser } from '../services/auth.server.js';
import { pageRateLimit } from '../services/limits.server.js';
import { attempt, orThrow } from '../services/load.server.js';
import { withNotice } from '../services/notice.js';
import { keepRetryAfter } from '../services/retry-after.js';

export const headers = keepRetryAfter;

/** The confirmation step as a page, so cancelling works without JavaScript and GET changes nothing. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  if (user.role !== 'admin') throw redirect('/admin/jobs');
  const { run } = await orThrow(context.services.api.run(params.id ?? ''));
  return { run: { id: run.id, jobName: run.jobName, status: run.status } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireActionUser(request, context, { role: 'admin', kind: 'page', bucket: 'cancel' });
  const limited = pageRateLimit(user.limited);
  if (limited) return limited;
  const id = params.id ?? '';
  const result = await attempt(context.services.api.cancel(id, user.email));
  context.services.audit.record({
    who: user.email,
    action: 'cancel',
    runId: id,
    outcome: result.ok ? 'ok' : 'error',
    detail: result.ok ? null : result.error.body.details.slice(0, 300),
  });
  if (!result.ok)
    return data(
      { ok: false as const, formError: result.error.body.details, field: null },
      { status: result.error.status },
    );
  return redirect(withNotice(`/admin/jobs${new URL(request.url).search}`, 'cancel', id));
}

export default function CancelRun() {
  const { run } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { search } = useLocation();
  const closeTo = `/admin/jobs${search}`;
  return (
    <ModalFallback title={`Cancel ${run.jobName} (${displayRunId(run.id)})?`} closeTo={closeTo}>
      {isActive(run.status) ? (
        <Form method="post" className="row">
          <p>The run stops at its next checkpoint; work done so far is kept.</p>
          <button type="submit" className="button button--danger">
            Cancel run
          </button>
          <Link to={closeTo} className="button">
            Keep running
          </Link>
        </Form>
      ) : (
        <p>This run has already finished ({run.status}).</p>
      )}
      {result && !result.ok ? (
        <p role="alert" className="form-error">
          {result.formError}
        </p>
      ) : null}
    </ModalFallback>
  );
}

export function ErrorBoundary() {
  return <RouteError title="This run could not be cancelled" />;
}
