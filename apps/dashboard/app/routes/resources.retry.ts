import { guardedAction } from '../services/action.server.js';
import { jsonResponse } from '../services/respond.server.js';

export const action = guardedAction(
  { kind: 'api', access: 'admin', bucket: 'enqueue', audit: 'retry' },
  async ({ params, context, user, note }) => {
    note.runId = params.id ?? '';
    const { run } = await context.services.api.retry(note.runId, user.email);
    note.detail = `new run ${run.id}`;
    return jsonResponse({ run }, 201);
  },
);
