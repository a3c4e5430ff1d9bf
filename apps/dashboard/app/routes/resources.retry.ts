import type { ActionFunctionArgs } from '@remix-run/node';
import { requireActionUser } from '../services/auth.server.js';
import { apiRateLimit } from '../services/limits.server.js';
import { proxyJson } from '../services/respond.server.js';

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireActionUser(request, context, { role: 'admin', kind: 'api' });
  apiRateLimit(context);
  const id = params.id ?? '';
  const res = await proxyJson(() => context.services.api.retry(id, user.email), 201);
  context.services.audit.record({
    who: user.email,
    action: 'retry',
    runId: id,
    outcome: res.ok ? 'ok' : 'error',
    detail: res.ok ? null : `HTTP ${res.status}`,
  });
  return res;
}
