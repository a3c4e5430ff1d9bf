import type { LoaderFunctionArgs } from '@remix-run/node';
import { errorResponse, refusals } from '../services/api-errors.server.js';
import { requireApiUser } from '../services/auth.server.js';
import { jsonResponse } from '../services/respond.server.js';

/** Socket health for admins (and the end-to-end tests): browser sockets, upstream state, relay lag. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, context);
  if (user.role !== 'admin') throw errorResponse(403, refusals.forbidden);
  return jsonResponse(context.services.relayStats());
}
