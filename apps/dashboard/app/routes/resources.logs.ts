import { apiErrorFromIssues, LogsQuery, searchParamsToObject } from '@jobs/contracts';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { errorResponse } from '../services/api-errors.server.js';
import { requireApiUser } from '../services/auth.server.js';
import { proxyJson } from '../services/respond.server.js';

/** Log lines after a sequence number: the backlog before the socket's live lines take over. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireApiUser(request, context);
  const query = LogsQuery.safeParse(searchParamsToObject(new URL(request.url).searchParams));
  if (!query.success) throw errorResponse(400, apiErrorFromIssues('Invalid query', query.error.issues));
  return proxyJson(() => context.services.api.logs(params.id ?? '', query.data));
}
