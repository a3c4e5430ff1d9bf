import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireApiUser } from '../services/auth.server.js';
import { proxyJson } from '../services/respond.server.js';
import { errorsFor } from '../services/run-errors.server.js';

/** The live client's snapshot: every QUEUED and RUNNING run with the sequence it is consistent with. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, context);
  return proxyJson(async () => errorsFor(await context.services.api.active(), user.role));
}
