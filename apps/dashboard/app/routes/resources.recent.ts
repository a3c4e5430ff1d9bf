import { apiErrorFromIssues, HistoryQuery, searchParamsToObject } from '@jobs/contracts';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { errorResponse } from '../services/api-errors.server.js';
import { requireApiUser } from '../services/auth.server.js';
import { proxyJson } from '../services/respond.server.js';
import { errorsFor } from '../services/run-errors.server.js';

/** Recent runs (the panel seeds itself from these), with the history query's filters and clamping. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, context);
  const query = HistoryQuery.safeParse(searchParamsToObject(new URL(request.url).searchParams));
  if (!query.success) throw errorResponse(400, apiErrorFromIssues('Invalid query', query.error.issues));
  return proxyJson(async () =>
    errorsFor(
      await context.services.api.history({ ...query.data, pageSize: Math.min(query.data.pageSize, 50) }),
      user.role,
    ),
  );
}
