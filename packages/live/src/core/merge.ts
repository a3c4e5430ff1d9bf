import { canTransition, type JobRunSummary } from '@jobs/contracts';

/**
 * The contract's rule: a run is replaced only by a newer `version`. Two facts are monotone and are
 * kept whichever copy is newer — a cancel once requested stays requested, and a status only moves
 * forward — so a reordered, older lifecycle event still contributes what it alone knows.
 */
export function mergeRun(held: JobRunSummary, incoming: JobRunSummary): JobRunSummary {
  if (incoming.version > held.version) {
    if (incoming.cancelRequestedAt !== null || held.cancelRequestedAt === null) return incoming;
    return { ...incoming, cancelRequestedAt: held.cancelRequestedAt };
  }
  const status = canTransition(held.status, incoming.status) ? incoming.status : held.status;
  const cancelRequestedAt = held.cancelRequestedAt ?? incoming.cancelRequestedAt;
  if (status === held.status && cancelRequestedAt === held.cancelRequestedAt) return held;
  return { ...held, status, cancelRequestedAt };
}
