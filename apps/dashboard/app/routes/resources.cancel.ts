import type { ActionFunctionArgs } from '@remix-run/node';
import { requireActionUser } from '../services/auth.server.js';
import { apiRateLimit } from '../services/limits.server.js';
import { proxyJson } from '../services/respond.server.js';

/** The live client's cancel; the engine makes it idempotent, the client makes sure it is sent once. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireActionUser(request, context, { role: 'admin', kind: 'api' });
  apiRateLimit(context);
  const id = params.id ?? '';
  const res = await proxyJson(() => context.services.api.cancel(id, user.email), 202);
  context.services.audit.record({
    who: user.email,
    action: 'cancel',
    runId: id,
    outcome: res.ok ? 'ok' : 'error',
    detail: res.ok ? null : `HTTP ${res.status}`,
  });
  return res;
}
