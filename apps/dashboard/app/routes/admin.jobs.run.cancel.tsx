import { isActive } from '@jobs/contracts';
import { CancelRunConfirm } from '@jobs/ui/CancelRunConfirm';
import { type LoaderFunctionArgs, redirect } from '@remix-run/node';
import {
  useActionData,
  useLoaderData,
  useLocation,
  useNavigate,
  useNavigation,
  useSubmit,
} from '@remix-run/react';
import { RouteError } from '../components/RouteError.js';
import { useKeptActionAnswer } from '../components/useKeptActionAnswer.js';
import { guardedAction } from '../services/action.server.js';
import { requirePageUser } from '../services/auth.server.js';
import { orThrow } from '../services/load.server.js';
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

export const action = guardedAction(
  { kind: 'page', access: 'admin', bucket: 'cancel', audit: 'cancel' },
  async ({ request, params, context, user, note }) => {
    note.runId = params.id ?? '';
    await context.services.api.cancel(note.runId, user.email);
    return redirect(withNotice(`/admin/jobs${new URL(request.url).search}`, 'cancel', note.runId));
  },
);

/** The same confirmation as the cards', as a page: a POST form without JavaScript, a routed submit with it. */
export default function CancelRun() {
  const { run } = useLoaderData<typeof loader>();
  const result = useKeptActionAnswer(useActionData<typeof action>());
  const busy = useNavigation().state === 'submitting';
  const navigate = useNavigate();
  const submit = useSubmit();
  const { search, pathname } = useLocation();
  const closeTo = `/admin/jobs${search}`;
  const active = isActive(run.status);
  return (
    <CancelRunConfirm
      run={run}
      onOpenChange={(open) => (open ? undefined : navigate(closeTo, { preventScrollReset: true }))}
      busy={busy}
      confirmDisabled={!active}
      action={`${pathname}${search}`}
      cancelHref={closeTo}
      onConfirm={() => submit(null, { method: 'post', action: `${pathname}${search}` })}
    >
      {active ? null : <p>This run has already finished ({run.status}).</p>}
      {result && !result.ok ? (
        <p role="alert" className="form-error">
          {result.error.details}
        </p>
      ) : null}
    </CancelRunConfirm>
  );
}

export function ErrorBoundary() {
  return <RouteError title="This run could not be cancelled" />;
}
