import { apiErrorFromIssues, EnqueueRequest } from '@jobs/contracts';
import type { ActionFunctionArgs } from '@remix-run/node';
import { proxyAudited } from '../services/audited.server.js';
import { requireActionUser } from '../services/auth.server.js';
import { readJsonBody } from '../services/body.server.js';
import { jsonResponse } from '../services/respond.server.js';

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireActionUser(request, context, { role: 'admin', kind: 'api', bucket: 'enqueue' });
  const body = await readJsonBody(request);
  const parsed = EnqueueRequest.safeParse(body);
  if (!parsed.success) return jsonResponse(apiErrorFromIssues('Invalid request', parsed.error.issues), 400);
  return proxyAudited(
    context.services.audit,
    { who: user.email, action: `enqueue ${parsed.data.jobName}`, runId: ({ run }) => run.id },
    () => context.services.api.enqueue(parsed.data, user.email),
    201,
  );
}
