import { type ActiveResponse, isActive, type JobRunSummary } from '@jobs/contracts';
import { applyProgress, upsertRun } from './apply.js';
import type { Draft } from './draft.js';
import { drainBuffer } from './sequence.js';

/**
 * Accepts `/active` when it answers the current epoch. Out of sync it is the new truth (even with a
 * lower asOfSeq, which is how a restarted server looks); in sync it is taken only if it is not
 * behind what the events already told. Runs it lacks have left; runs it holds merge by version.
 */
export function applySnapshot(draft: Draft, snapshot: ActiveResponse, epoch: number): void {
  if (epoch !== draft.epoch) return;
  if (draft.synced && snapshot.asOfSeq < draft.lastSeq) return;
  const listed = new Set<string>();
  for (const run of snapshot.runs) if (isActive(run.status)) listed.add(run.id);
  const gone: JobRunSummary[] = [];
  for (const id of draft.runIds()) {
    const run = draft.getRun(id);
    if (run && !listed.has(id)) gone.push(run);
  }
  for (const run of gone) {
    draft.removeRun(run.id, run.version);
    draft.emit({ type: 'vanished', run });
  }
  for (const run of snapshot.runs) if (isActive(run.status)) upsertRun(draft, run);
  draft.synced = true;
  draft.lastSeq = snapshot.asOfSeq;
  drainBuffer(draft);
  for (const event of draft.takePendingProgress()) applyProgress(draft, event);
}
