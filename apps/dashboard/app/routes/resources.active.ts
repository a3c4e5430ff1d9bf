import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireApiUser } from '../services/auth.server.js';
import { proxyJson } from '../services/respond.server.js';

/** The live client's snapshot: every QUEUED and RUNNING run with the sequence it is consistent with. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireApiUser(request, context);
  return proxyJson(() => context.services.api.active());
}
