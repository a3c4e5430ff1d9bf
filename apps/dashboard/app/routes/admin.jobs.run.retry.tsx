import { type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { RouteError } from '../components/RouteError.js';
import { guardedAction } from '../services/action.server.js';
import { orThrow } from '../services/load.server.js';
import { withNotice } from '../services/notice.js';
import { keepRetryAfter } from '../services/retry-after.js';

export const headers = keepRetryAfter;

/** GET never re-runs anything: it shows the run. */
export const loader = ({ params }: LoaderFunctionArgs) =>
  redirect(`/admin/jobs/runs/${encodeURIComponent(params.id ?? '')}`);

/** A failure is thrown: this route has no form, so its ErrorBoundary shows the ApiError. */
export const action = guardedAction(
  { kind: 'page', access: 'admin', bucket: 'enqueue', audit: 'retry' },
  async ({ params, context, user, note }) => {
    note.runId = params.id ?? '';
    const { run } = await orThrow(context.services.api.retry(note.runId, user.email));
    note.detail = `new run ${run.id}`;
    return redirect(withNotice(`/admin/jobs/runs/${encodeURIComponent(run.id)}`, 'rerun', run.id));
  },
);

export function ErrorBoundary() {
  return <RouteError title="This run could not be re-run" />;
}
