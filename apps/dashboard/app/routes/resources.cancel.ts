import { guardedAction } from '../services/action.server.js';
import { jsonResponse } from '../services/respond.server.js';

/** The live client's cancel; the engine makes it idempotent, the client makes sure it is sent once. */
export const action = guardedAction(
  { kind: 'api', access: 'admin', bucket: 'cancel', audit: 'cancel' },
  async ({ params, context, user, note }) => {
    note.runId = params.id ?? '';
    return jsonResponse(await context.services.api.cancel(note.runId, user.email), 202);
  },
);
