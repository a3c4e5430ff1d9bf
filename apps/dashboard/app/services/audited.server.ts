import type { AuditLog } from './audit.server.js';
import { JobsApiError } from './jobs-api.server.js';
import { jsonResponse } from './respond.server.js';

interface AuditedAction<T> {
  who: string;
  action: string;
  /** The run the action is about: known up front (cancel, retry), read from the answer (enqueue), or none. */
  runId: string | null | ((value: T) => string);
}

/**
 * A resource route's change: call the jobs API, write the audit entry (who, what, which run, outcome),
 * and answer like `proxyJson` — the API's own ApiError with its status; anything else is a bug, rethrown.
 */
export async function proxyAudited<T>(
  audit: AuditLog,
  entry: AuditedAction<T>,
  call: () => Promise<T>,
  status = 200,
): Promise<Response> {
  const { who, action, runId } = entry;
  try {
    const value = await call();
    const id = typeof runId === 'function' ? runId(value) : runId;
    audit.record({ who, action, runId: id, outcome: 'ok', detail: null });
    return jsonResponse(value, status);
  } catch (error) {
    if (!JobsApiError.is(error)) throw error;
    const id = typeof runId === 'function' ? null : runId;
    audit.record({ who, action, runId: id, outcome: 'error', detail: `HTTP ${error.status}` });
    return jsonResponse(error.body, error.status);
  }
}
