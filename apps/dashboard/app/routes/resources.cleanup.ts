import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { jsonError, requireActionUser, requireApiUser } from '../services/auth.server.js';
import { apiRateLimit } from '../services/limits.server.js';
import { proxyJson } from '../services/respond.server.js';

/** GET: the dry run (changes nothing). POST: the clean-up itself, admins only. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, context);
  if (user.role !== 'admin')
    throw jsonError(403, 'Forbidden', 'Viewers can look but cannot change anything.');
  return proxyJson(() => context.services.api.cleanupStalled(true, user.email));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireActionUser(request, context, { role: 'admin', kind: 'api' });
  apiRateLimit(context);
  const res = await proxyJson(() => context.services.api.cleanupStalled(false, user.email));
  context.services.audit.record({
    who: user.email,
    action: 'cleanup stalled',
    runId: null,
    outcome: res.ok ? 'ok' : 'error',
    detail: null,
  });
  return res;
}
