import {
  type ApiError,
  apiError,
  BulkCancelRequest,
  BulkCancelUnavailable,
  BulkEnqueueRequest,
  BulkEnqueueUnavailable,
} from '@jobs/contracts';
import type { AuditNote } from './action.server.js';
import type { Services } from './context.server.js';
import { attempt } from './load.server.js';

/** What a bulk operation reports back to its form: a sentence and the failures, or the ApiError. */
export type BulkOutcome =
  | { ok: true; summary: string; failures: string[] }
  | { ok: false; status: number; error: ApiError };

type Results = ReadonlyArray<{ ok: boolean; error?: string }>;

/**
 * The audit entry of a bulk operation always carries its counts, whether every item went through,
 * some did, or the call failed (a 503 halfway still says which items were done).
 */
function count(note: AuditNote, verb: string, results: Results, asked: number | null, failure?: string) {
  const done = results.filter((r) => r.ok).length;
  const failed = results.length - done;
  note.outcome = failed > 0 || failure ? 'error' : 'ok';
  const total = asked ?? results.length;
  note.detail = [
    total > 0 ? `${done} of ${total} ${verb}` : `none ${verb}`,
    failed > 0 ? `${failed} failed` : null,
    failure ?? null,
  ]
    .filter(Boolean)
    .join('; ');
}

/** Bulk "start multiple": `count` runs of one job with the same params (1..50). */
export async function startMultiple(
  { api }: Services,
  who: string,
  input: { jobName: string | undefined; count: number; paramsText: string },
  note: AuditNote,
): Promise<BulkOutcome> {
  const asked = Math.min(50, Math.max(1, Math.trunc(input.count) || 1));
  note.action = `bulk start ${input.jobName ?? '(no job)'} ×${asked}`;
  let params: unknown = {};
  try {
    if (input.paramsText.trim()) params = JSON.parse(input.paramsText);
  } catch (e) {
    return refuse(
      note,
      asked,
      'started',
      apiError('Invalid JSON syntax', (e as Error).message, true, 'params'),
    );
  }
  const req = BulkEnqueueRequest.safeParse({
    items: Array.from({ length: asked }, () => ({ jobName: input.jobName, params })),
  });
  if (!req.success)
    return refuse(
      note,
      asked,
      'started',
      apiError('Invalid request', req.error.issues[0]?.message ?? 'Invalid request', true),
    );
  const r = await attempt(api.bulkEnqueue(req.data, who));
  if (!r.ok) {
    const partial = BulkEnqueueUnavailable.safeParse(r.error.raw);
    count(note, 'started', partial.success ? partial.data.results : [], asked, failureText(r.error));
    return { ok: false, status: r.error.status, error: r.error.body };
  }
  const { results } = r.value;
  count(note, 'started', results, asked);
  const started = results.filter((x) => x.ok).length;
  return {
    ok: true,
    summary: `Started ${started} of ${asked} runs of ${input.jobName}.`,
    failures: results.flatMap((x) => (x.ok ? [] : [x.error ?? 'failed'])),
  };
}

/** Bulk "cancel all": every active run, or one job's. */
export async function cancelAll(
  { api }: Services,
  who: string,
  jobName: string | undefined,
  note: AuditNote,
): Promise<BulkOutcome> {
  note.action = `bulk cancel${jobName ? ` ${jobName}` : ''}`;
  const req = BulkCancelRequest.parse({ filter: jobName ? { jobName } : {} });
  const r = await attempt(api.bulkCancel(req, who));
  if (!r.ok) {
    const partial = BulkCancelUnavailable.safeParse(r.error.raw);
    count(note, 'cancelled', partial.success ? partial.data.results : [], null, failureText(r.error));
    return { ok: false, status: r.error.status, error: r.error.body };
  }
  const { results } = r.value;
  count(note, 'cancelled', results, null);
  const ok = results.filter((x) => x.ok).length;
  return {
    ok: true,
    summary: `Cancel requested for ${ok} of ${results.length} active runs.`,
    failures: results.flatMap((x) => (x.ok ? [] : [`#${x.id}: ${x.error ?? 'failed'}`])),
  };
}

function failureText(error: { status: number; body: ApiError }) {
  return `HTTP ${error.status}: ${error.body.details}`;
}

function refuse(note: AuditNote, asked: number, verb: string, error: ApiError): BulkOutcome {
  count(note, verb, [], asked, error.details);
  return { ok: false, status: 400, error };
}
