import { displayRunId } from '@jobs/contracts';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { ModalFallback } from '../components/ModalFallback.js';
import { RouteError } from '../components/RouteError.js';
import { requireActionUser, requirePageUser } from '../services/auth.server.js';
import { pageRateLimit } from '../services/limits.server.js';
import { attempt, orThrow } from '../services/load.server.js';
import { keepRetryAfter } from '../services/retry-after.js';

export const headers = keepRetryAfter;

/** The preview is the engine's dry run: it changes nothing, so a GET may ask for it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  if (user.role !== 'admin') throw redirect('/admin/jobs');
  const { cleaned } = await orThrow(context.services.api.cleanupStalled(true, user.email));
  return { stalled: cleaned.map((r) => ({ id: r.id, jobName: r.jobName })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireActionUser(request, context, { role: 'admin', kind: 'page', bucket: 'bulk' });
  const limited = pageRateLimit(user.limited);
  if (limited)
    return data(
      { cleaned: [], error: limited.data.formError },
      { status: 429, headers: limited.init?.headers },
    );
  const r = await attempt(context.services.api.cleanupStalled(false, user.email));
  context.services.audit.record({
    who: user.email,
    action: 'cleanup stalled',
    runId: null,
    outcome: r.ok ? 'ok' : 'error',
    detail: r.ok ? `${r.value.cleaned.length} cleaned` : r.error.body.details,
  });
  if (!r.ok) return data({ cleaned: [], error: r.error.body.details }, { status: r.error.status });
  return { cleaned: r.value.cleaned.map((x) => ({ id: x.id, jobName: x.jobName })), error: null };
}

export default function CleanupStalled() {
  const { stalled } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { search } = useLocation();
  const list = result ? result.cleaned : stalled;
  return (
    <ModalFallback title="Clean Up Stalled Jobs" closeTo={`/admin/jobs${search}`}>
      {result ? (
        <p role="status" className={result.error ? 'form-error' : 'notice'}>
          {result.error ?? `Cleaned ${result.cleaned.length} stalled jobs`}
        </p>
      ) : (
        <p>{stalled.length} runs have stopped sending heartbeats and would be marked failed.</p>
      )}
      <ul>
        {list.map((r) => (
          <li key={r.id}>
            {r.jobName} ({displayRunId(r.id)})
          </li>
        ))}
      </ul>
      {result ? null : (
        <Form method="post">
          <button type="submit" className="button button--primary" disabled={stalled.length === 0}>
            Clean up {stalled.length} stalled
          </button>
        </Form>
      )}
    </ModalFallback>
  );
}

export function ErrorBoundary() {
  return <RouteError title="Stalled jobs could not be checked" />;
}
