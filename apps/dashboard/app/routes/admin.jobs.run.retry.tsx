import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { RouteError } from '../components/RouteError.js';
import { requireActionUser } from '../services/auth.server.js';
import { pageRateLimit } from '../services/limits.server.js';
import { attempt } from '../services/load.server.js';
import { withNotice } from '../services/notice.js';
import { keepRetryAfter } from '../services/retry-after.js';

export const headers = keepRetryAfter;

/** GET never re-runs anything: it shows the run. */
export const loader = ({ params }: LoaderFunctionArgs) =>
  redirect(`/admin/jobs/runs/${encodeURIComponent(params.id ?? '')}`);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireActionUser(request, context, { role: 'admin', kind: 'page', bucket: 'enqueue' });
  const limited = pageRateLimit(user.limited);
  if (limited) return limited;
  const id = params.id ?? '';
  const result = await attempt(context.services.api.retry(id, user.email));
  context.services.audit.record({
    who: user.email,
    action: 'retry',
    runId: id,
    outcome: result.ok ? 'ok' : 'error',
    detail: result.ok ? `new run ${result.value.run.id}` : result.error.body.details.slice(0, 300),
  });
  if (!result.ok) throw data(result.error.body, { status: result.error.status });
  const next = result.value.run.id;
  return redirect(withNotice(`/admin/jobs/runs/${encodeURIComponent(next)}`, 'rerun', next));
}

export function ErrorBoundary() {
  return <RouteError title="This run could not be re-run" />;
}
