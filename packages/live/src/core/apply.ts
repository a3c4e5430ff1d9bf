import {
  isTerminal,
  JOB_EVENT,
  type JobLifecycleEvent,
  type JobProgressEvent,
  type JobRunSummary,
} from '@jobs/contracts';
import type { Draft } from './draft.js';
import { mergeRun } from './merge.js';

/**
 * Brings one run's news into the draft: newer versions win (mergeRun), a run that left stays gone, and a terminal run leaves with exactly one `finished` effect.
 */
export function upsertRun(draft: Draft, incoming: JobRunSummary): void {
  // A run that left never comes back: run ids are never reused, so whatever still arrives for it
  // (a late HTTP answer, an older snapshot) is old news, and a second leave would double effects.
  if (draft.leftVersion(incoming.id) !== undefined) return;
  const held = draft.getRun(incoming.id);
  const next = held ? mergeRun(held, incoming) : incoming;
  if (isTerminal(next.status)) {
    draft.removeRun(next.id, next.version);
    draft.emit({ type: 'finished', run: next });
    return;
  }
  if (next === held) return;
  draft.setRun(next);
  if (!held) draft.emit({ type: 'appeared', run: next });
}

export function applyLifecycle(draft: Draft, event: JobLifecycleEvent): void {
  if (event.type !== JOB_EVENT.cancelRequested) {
    upsertRun(draft, event.data.run);
    return;
  }
  const held = draft.getRun(event.data.jobRunId);
  // Without the run there is nothing to mark; the snapshot that brings it carries the flag.
  if (!held) return;
  upsertRun(draft, {
    ...held,
    version: Math.max(held.version, event.data.version),
    cancelRequestedAt: held.cancelRequestedAt ?? event.data.cancelRequestedAt,
  });
}

/**
 * Progress is lossy and latest-wins: applied to a held run only when its version is newer. Out of
 * sync, progress for a run not held yet waits for the snapshot (it may be newer than it).
 */
export function applyProgress(draft: Draft, event: JobProgressEvent): void {
  const held = draft.getRun(event.data.jobRunId);
  if (!held) {
    const waiting = draft.pendingProgress(event.data.jobRunId);
    if (!draft.synced && (!waiting || waiting.data.version < event.data.version)) draft.holdProgress(event);
    return;
  }
  if (event.data.version <= held.version) return;
  const { progressPercent, message, current, total } = event.data;
  const progress = { ...held.progress };
  if (progressPercent !== undefined) progress.percent = progressPercent;
  if (message !== undefined) progress.message = message;
  if (current !== undefined) progress.current = current;
  if (total !== undefined) progress.total = total;
  draft.replaceHeldRun({ ...held, version: event.data.version, progress });
}
