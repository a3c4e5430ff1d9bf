import type { LoaderFunctionArgs } from '@remix-run/node';
import { guardedAction } from '../services/action.server.js';
import { errorResponse, refusals } from '../services/api-errors.server.js';
import { requireApiUser } from '../services/auth.server.js';
import { jsonResponse, proxyJson } from '../services/respond.server.js';

/** GET: the dry run (changes nothing). POST: the clean-up itself, admins only. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, context);
  if (user.role !== 'admin') throw errorResponse(403, refusals.forbidden);
  return proxyJson(() => context.services.api.cleanupStalled(true, user.email));
}

export const action = guardedAction(
  { kind: 'api', access: 'admin', bucket: 'bulk', audit: 'cleanup stalled' },
  async ({ context, user, note }) => {
    const answer = await context.services.api.cleanupStalled(false, user.email);
    note.detail = `${answer.cleaned.length} cleaned`;
    return jsonResponse(answer);
  },
);
