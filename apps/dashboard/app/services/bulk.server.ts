import { BulkCancelRequest, BulkEnqueueRequest } from '@jobs/contracts';
import type { Services } from './context.server.js';
import { attempt } from './load.server.js';

/** What a bulk operation reports back to its form: a sentence, the failures, and the HTTP status. */
export interface BulkOutcome {
  ok: boolean;
  summary: string;
  failures: string[];
  status: number;
}

const failed = (summary: string, status: number): BulkOutcome => ({
  ok: false,
  summary,
  failures: [],
  status,
});

/** Bulk "start multiple": `count` runs of one job with the same params (1..50). */
export async function startMultiple(
  { api, audit }: Services,
  who: string,
  input: { jobName: string | undefined; count: number; paramsText: string },
): Promise<BulkOutcome> {
  const count = Math.min(50, Math.max(1, Math.trunc(input.count) || 1));
  let params: unknown = {};
  try {
    if (input.paramsText.trim()) params = JSON.parse(input.paramsText);
  } catch (e) {
    return failed(`Invalid JSON syntax: ${(e as Error).message}`, 400);
  }
  const req = BulkEnqueueRequest.safeParse({
    items: Array.from({ length: count }, () => ({ jobName: input.jobName, params })),
  });
  if (!req.success) return failed(req.error.issues[0]?.message ?? 'Invalid request', 400);
  const r = await attempt(api.bulkEnqueue(req.data, who));
  if (!r.ok) return failed(r.error.body.details, r.error.status);
  const started = r.value.results.filter((x) => x.ok).length;
  audit.record({
    who,
    action: `bulk start ${input.jobName} ×${count}`,
    runId: null,
    outcome: 'ok',
    detail: `${started} started`,
  });
  return {
    ok: true,
    summary: `Started ${started} of ${count} runs of ${input.jobName}.`,
    failures: r.value.results.flatMap((x) => (x.ok ? [] : [x.error ?? 'failed'])),
    status: 200,
  };
}

/** Bulk "cancel all": every active run, or one job's. */
export async function cancelAll(
  { api, audit }: Services,
  who: string,
  jobName: string | undefined,
): Promise<BulkOutcome> {
  const req = BulkCancelRequest.parse({ filter: jobName ? { jobName } : {} });
  const r = await attempt(api.bulkCancel(req, who));
  if (!r.ok) return failed(r.error.body.details, r.error.status);
  const ok = r.value.results.filter((x) => x.ok).length;
  audit.record({
    who,
    action: `bulk cancel${jobName ? ` ${jobName}` : ''}`,
    runId: null,
    outcome: 'ok',
    detail: `${ok} of ${r.value.results.length}`,
  });
  return {
    ok: true,
    summary: `Cancel requested for ${ok} of ${r.value.results.length} active runs.`,
    failures: r.value.results.flatMap((x) => (x.ok ? [] : [`#${x.id}: ${x.error ?? 'failed'}`])),
    status: 200,
  };
}
