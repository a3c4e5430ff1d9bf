import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { proxyAudited } from '../services/audited.server.js';
import { jsonError, requireActionUser, requireApiUser } from '../services/auth.server.js';
import { proxyJson } from '../services/respond.server.js';

/** GET: the dry run (changes nothing). POST: the clean-up itself, admins only. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, context);
  if (user.role !== 'admin')
    throw jsonError(403, 'Forbidden', 'Viewers can look but cannot change anything.');
  return proxyJson(() => context.services.api.cleanupStalled(true, user.email));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireActionUser(request, context, { role: 'admin', kind: 'api', bucket: 'bulk' });
  return proxyAudited(
    context.services.audit,
    { who: user.email, action: 'cleanup stalled', runId: null },
    () => context.services.api.cleanupStalled(false, user.email),
  );
}
