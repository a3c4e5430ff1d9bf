import { displayRunId } from '@jobs/contracts';
import { Button } from '@jobs/ui/Button';
import { DialogFrame } from '@jobs/ui/DialogFrame';
import { type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useLocation, useNavigate } from '@remix-run/react';
import { RouteError } from '../components/RouteError.js';
import { useKeptActionAnswer } from '../components/useKeptActionAnswer.js';
import { guardedAction } from '../services/action.server.js';
import { requirePageUser } from '../services/auth.server.js';
import { orThrow } from '../services/load.server.js';
import { keepRetryAfter } from '../services/retry-after.js';

export const headers = keepRetryAfter;

/** The preview is the engine's dry run: it changes nothing, so a GET may ask for it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context);
  if (user.role !== 'admin') throw redirect('/admin/jobs');
  const { cleaned } = await orThrow(context.services.api.cleanupStalled(true, user.email));
  return { stalled: cleaned.map((r) => ({ id: r.id, jobName: r.jobName })) };
}

export const action = guardedAction(
  { kind: 'page', access: 'admin', bucket: 'bulk', audit: 'cleanup stalled' },
  async ({ context, user, note }) => {
    const { cleaned } = await context.services.api.cleanupStalled(false, user.email);
    note.detail = `${cleaned.length} cleaned`;
    return { ok: true as const, cleaned: cleaned.map((x) => ({ id: x.id, jobName: x.jobName })) };
  },
);

export default function CleanupStalled() {
  const { stalled } = useLoaderData<typeof loader>();
  const result = useKeptActionAnswer(useActionData<typeof action>());
  const { search } = useLocation();
  const navigate = useNavigate();
  const closeTo = `/admin/jobs${search}`;
  const list = result ? (result.ok ? result.cleaned : []) : stalled;
  return (
    <DialogFrame
      open
      onOpenChange={(open) => (open ? undefined : navigate(closeTo, { preventScrollReset: true }))}
      closeHref={closeTo}
      title="Clean Up Stalled Jobs"
    >
      {result ? (
        <p role="status" className={result.ok ? 'notice' : 'form-error'}>
          {result.ok ? `Cleaned ${result.cleaned.length} stalled jobs` : result.error.details}
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
          <Button type="submit" variant="primary" disabled={stalled.length === 0}>
            Clean up {stalled.length} stalled
          </Button>
        </Form>
      )}
    </DialogFrame>
  );
}

export function ErrorBoundary() {
  return <RouteError title="Stalled jobs could not be checked" />;
}
