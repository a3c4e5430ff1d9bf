import type { JobLifecycleEvent, JobProgressEvent, JobRunSummary } from '@jobs/contracts';
import { PatchMap } from './patchMap.js';
import { LEFT_MEMORY, type LiveEffect, type LiveState } from './state.js';

/**
 * A working copy of LiveState for one `reduceLive` call. Writes collect in small maps and become a
 * new PatchMap version at the end, so a batch of events costs about its own size however many runs
 * are active, and the input state is never mutated (the reducer stays pure).
 */
export class Draft {
  synced: boolean;
  lastSeq: number;
  epoch: number;
  buffer: readonly JobLifecycleEvent[];
  lastEventAt: number | null;
  membershipChanged: boolean;
  private readonly runWrites = new Map<string, JobRunSummary | null>();
  private runCount: number;
  private readonly leftWrites = new Map<string, number>();
  private pendingWrites = new Map<string, JobProgressEvent | null>();
  private pendingCleared = false;
  private effectList: LiveEffect[] | null = null;
  private touchedSet: Set<string> | null = null;
  private ownedBuffer: JobLifecycleEvent[] | null = null;

  constructor(private readonly base: LiveState) {
    this.synced = base.synced;
    this.lastSeq = base.lastSeq;
    this.epoch = base.epoch;
    this.buffer = base.buffer;
    this.lastEventAt = base.lastEventAt;
    this.membershipChanged = base.membershipChanged;
    this.runCount = base.runs.size;
  }

  /** The buffer, copied once per reduce call so inserting many events stays linear. */
  writableBuffer(): JobLifecycleEvent[] {
    if (this.ownedBuffer !== this.buffer) {
      this.ownedBuffer = [...this.buffer];
      this.buffer = this.ownedBuffer;
    }
    return this.ownedBuffer as JobLifecycleEvent[];
  }

  getRun(id: string): JobRunSummary | undefined {
    const written = this.runWrites.get(id);
    if (written !== undefined) return written ?? undefined;
    return this.base.runs.get(id);
  }

  /** Ids of every run currently held (snapshots compare membership with it). */
  runIds(): string[] {
    const ids: string[] = [];
    for (const id of this.base.runs.keys()) if (this.runWrites.get(id) !== null) ids.push(id);
    for (const [id, run] of this.runWrites) if (run !== null && !this.base.runs.has(id)) ids.push(id);
    return ids;
  }

  leftVersion(id: string): number | undefined {
    return this.leftWrites.get(id) ?? this.base.left.get(id);
  }

  pendingProgress(id: string): JobProgressEvent | undefined {
    const written = this.pendingWrites.get(id);
    if (written !== undefined) return written ?? undefined;
    return this.pendingCleared ? undefined : this.base.pendingProgress.get(id);
  }

  holdProgress(event: JobProgressEvent): void {
    this.pendingWrites.set(event.data.jobRunId, event);
  }

  /** Hands over every held progress event and forgets them. */
  takePendingProgress(): JobProgressEvent[] {
    const held = this.pendingCleared ? [] : [...this.base.pendingProgress.values()];
    const events = new Map(held.map((e) => [e.data.jobRunId, e]));
    for (const [id, event] of this.pendingWrites) {
      if (event === null) events.delete(id);
      else events.set(id, event);
    }
    this.pendingCleared = true;
    this.pendingWrites = new Map();
    return [...events.values()];
  }

  setRun(run: JobRunSummary): void {
    if (this.getRun(run.id) === undefined) {
      this.membershipChanged = true;
      this.runCount += 1;
    }
    this.runWrites.set(run.id, run);
    this.touch(run.id);
  }

  /** A new copy of a run known to be held (progress): no membership check. */
  replaceHeldRun(run: JobRunSummary): void {
    this.runWrites.set(run.id, run);
    this.touch(run.id);
  }

  /** Takes a run out of the active set and remembers the version it left at. */
  removeRun(id: string, version: number): void {
    if (this.getRun(id) !== undefined) {
      this.membershipChanged = true;
      this.runCount -= 1;
    }
    this.runWrites.set(id, null);
    this.leftWrites.set(id, version);
    this.touch(id);
  }

  emit(effect: LiveEffect): void {
    if (!this.effectList) this.effectList = [...this.base.effects];
    this.effectList.push(effect);
  }

  touch(id: string): void {
    if (!this.touchedSet) this.touchedSet = new Set(this.base.touched);
    this.touchedSet.add(id);
  }

  finish(): LiveState {
    let left = this.base.left.with(this.leftWrites);
    // Forget the oldest left runs in bulk, now and then, rather than one per removal.
    if (left.size > LEFT_MEMORY * 1.25) left = PatchMap.of([...left.entries()].slice(-LEFT_MEMORY));
    return {
      runs: this.base.runs.with(this.runWrites, this.runCount),
      synced: this.synced,
      lastSeq: this.lastSeq,
      epoch: this.epoch,
      buffer: this.buffer,
      pendingProgress: (this.pendingCleared
        ? PatchMap.of<JobProgressEvent>()
        : this.base.pendingProgress
      ).with(this.pendingWrites),
      left,
      lastEventAt: this.lastEventAt,
      effects: this.effectList ?? this.base.effects,
      touched: this.touchedSet ?? this.base.touched,
      membershipChanged: this.membershipChanged,
    };
  }
}
