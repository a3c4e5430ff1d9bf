import type { ActionFunctionArgs } from '@remix-run/node';
import { proxyAudited } from '../services/audited.server.js';
import { requireActionUser } from '../services/auth.server.js';

/** The live client's cancel; the engine makes it idempotent, the client makes sure it is sent once. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireActionUser(request, context, { role: 'admin', kind: 'api', bucket: 'cancel' });
  const id = params.id ?? '';
  return proxyAudited(
    context.services.audit,
    { who: user.email, action: 'cancel', runId: id },
    () => context.services.api.cancel(id, user.email),
    202,
  );
}
