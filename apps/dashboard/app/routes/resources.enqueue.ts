import { apiErrorFromIssues, EnqueueRequest } from '@jobs/contracts';
import { guardedAction } from '../services/action.server.js';
import { errorResponse } from '../services/api-errors.server.js';
import { readJsonBody } from '../services/body.server.js';
import { jsonResponse } from '../services/respond.server.js';

export const action = guardedAction(
  { kind: 'api', access: 'admin', bucket: 'enqueue', audit: 'enqueue' },
  async ({ request, context, user, note }) => {
    const parsed = EnqueueRequest.safeParse(await readJsonBody(request));
    if (!parsed.success)
      return errorResponse(400, apiErrorFromIssues('Invalid request', parsed.error.issues));
    note.action = `enqueue ${parsed.data.jobName}`;
    const answer = await context.services.api.enqueue(parsed.data, user.email);
    note.runId = answer.run.id;
    return jsonResponse(answer, 201);
  },
);
