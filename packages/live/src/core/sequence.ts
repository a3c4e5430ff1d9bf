import type { JobLifecycleEvent } from '@jobs/contracts';
import { applyLifecycle, applyProgress } from './apply.js';
import type { Draft } from './draft.js';
import { BUFFER_LIMIT } from './state.js';

/**
 * Falls out of sync: a snapshot is needed, and any snapshot asked for before now is stale — even
 * when already out of sync, since a reconnect may follow events lost after that question.
 */
export function loseSync(draft: Draft): void {
  draft.epoch += 1;
  draft.synced = false;
}

/** Keeps the buffer sorted by seq without duplicates; bounded, dropping the oldest. */
export function bufferEvent(draft: Draft, event: JobLifecycleEvent): void {
  const buffer = draft.writableBuffer();
  let i = buffer.length;
  while (i > 0 && (buffer[i - 1] as JobLifecycleEvent).seq > event.seq) i -= 1;
  if (i > 0 && (buffer[i - 1] as JobLifecycleEvent).seq === event.seq) return;
  buffer.splice(i, 0, event);
  if (buffer.length > BUFFER_LIMIT) buffer.shift();
}

/** While in sync: apply the next seq, drop what was seen, and treat a jump as a missed event. */
export function receiveLifecycle(draft: Draft, event: JobLifecycleEvent): void {
  if (!draft.synced) {
    bufferEvent(draft, event);
    return;
  }
  if (event.seq <= draft.lastSeq) return;
  if (event.seq === draft.lastSeq + 1) {
    applyLifecycle(draft, event);
    draft.lastSeq = event.seq;
    return;
  }
  loseSync(draft);
  bufferEvent(draft, event);
}

/** Right after a snapshot put the draft in sync: apply what the buffer holds past it, up to a gap. */
export function drainBuffer(draft: Draft): void {
  const pending = draft.buffer;
  draft.buffer = [];
  for (let i = 0; i < pending.length; i += 1) {
    const event = pending[i] as JobLifecycleEvent;
    if (event.seq <= draft.lastSeq) continue;
    if (event.seq !== draft.lastSeq + 1) {
      loseSync(draft);
      draft.buffer = pending.slice(i);
      return;
    }
    applyHeldProgressBefore(draft, event);
    applyLifecycle(draft, event);
    draft.lastSeq = event.seq;
  }
}

/**
 * A progress value held while out of sync goes in before the first buffered event newer than it.
 * A cancel request only patches its run: applied first, it would raise the run's version past the
 * held value, which would then be dropped as old news although the server's run carries it.
 */
function applyHeldProgressBefore(draft: Draft, event: JobLifecycleEvent): void {
  const waiting = draft.pendingProgress(event.data.jobRunId);
  if (waiting && waiting.data.version < event.data.version) applyProgress(draft, waiting);
}
