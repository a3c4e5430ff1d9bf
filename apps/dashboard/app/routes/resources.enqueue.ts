import { apiErrorFromIssues, EnqueueRequest } from '@jobs/contracts';
import type { ActionFunctionArgs } from '@remix-run/node';
import { requireActionUser } from '../services/auth.server.js';
import { readJsonBody } from '../services/body.server.js';
import { apiRateLimit } from '../services/limits.server.js';
import { jsonResponse, proxyJson } from '../services/respond.server.js';

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireActionUser(request, context, { role: 'admin', kind: 'api' });
  apiRateLimit(context);
  const body = await readJsonBody(request);
  const parsed = EnqueueRequest.safeParse(body);
  if (!parsed.success) return jsonResponse(apiErrorFromIssues('Invalid request', parsed.error.issues), 400);
  const res = await proxyJson(() => context.services.api.enqueue(parsed.data, user.email), 201);
  context.services.audit.record({
    who: user.email,
    action: `enqueue ${parsed.data.jobName}`,
    runId: res.ok ? (((await res.clone().json()) as { run?: { id?: string } }).run?.id ?? null) : null,
    outcome: res.ok ? 'ok' : 'error',
    detail: res.ok ? null : `HTTP ${res.status}`,
  });
  return res;
}
