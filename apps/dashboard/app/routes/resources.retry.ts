import type { ActionFunctionArgs } from '@remix-run/node';
import { proxyAudited } from '../services/audited.server.js';
import { requireActionUser } from '../services/auth.server.js';

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireActionUser(request, context, { role: 'admin', kind: 'api', bucket: 'enqueue' });
  const id = params.id ?? '';
  return proxyAudited(
    context.services.audit,
    { who: user.email, action: 'retry', runId: id },
    () => context.services.api.retry(id, user.email),
    201,
  );
}
