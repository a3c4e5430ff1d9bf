import { HistoryQuery, searchParamsToObject } from '@jobs/contracts';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { jsonError, requireApiUser } from '../services/auth.server.js';
import { proxyJson } from '../services/respond.server.js';
import { errorsFor } from '../services/run-errors.server.js';

/** Recent runs (the panel seeds itself from these), with the history query's filters and clamping. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, context);
  const query = HistoryQuery.safeParse(searchParamsToObject(new URL(request.url).searchParams));
  if (!query.success) throw jsonError(400, 'Invalid query', query.error.issues[0]?.message ?? 'bad query');
  return proxyJson(async () =>
    errorsFor(
      await context.services.api.history({ ...query.data, pageSize: Math.min(query.data.pageSize, 50) }),
      user.role,
    ),
  );
}
