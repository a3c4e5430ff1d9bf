import type { JobLifecycleEvent, JobRunSummary } from '@jobs/contracts';
import { LEFT_MEMORY, type LiveEffect, type LiveState } from './state.js';

/**
 * A working copy of LiveState for one `reduceLive` call. Collections are copied on first write, so
 * a batch of thousands of events copies the 10,000-run map once, not once per event, and the input
 * state is never mutated (the reducer stays pure).
 */
export class Draft {
  synced: boolean;
  lastSeq: number;
  epoch: number;
  buffer: readonly JobLifecycleEvent[];
  lastEventAt: number | null;
  membershipChanged: boolean;
  private runsMap: Map<string, JobRunSummary> | null = null;
  private leftMap: Map<string, number> | null = null;
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
  }

  /** The buffer, copied once per reduce call so inserting many events stays linear. */
  writableBuffer(): JobLifecycleEvent[] {
    if (this.ownedBuffer !== this.buffer) {
      this.ownedBuffer = [...this.buffer];
      this.buffer = this.ownedBuffer;
    }
    return this.ownedBuffer as JobLifecycleEvent[];
  }

  get runs(): ReadonlyMap<string, JobRunSummary> {
    return this.runsMap ?? this.base.runs;
  }

  leftVersion(id: string): number | undefined {
    return (this.leftMap ?? this.base.left).get(id);
  }

  setRun(run: JobRunSummary): void {
    if (!this.runsMap) this.runsMap = new Map(this.base.runs);
    if (!this.runsMap.has(run.id)) this.membershipChanged = true;
    this.runsMap.set(run.id, run);
    this.touch(run.id);
  }

  /** Takes a run out of the active set and remembers the version it left at. */
  removeRun(id: string, version: number): void {
    if (!this.runsMap) this.runsMap = new Map(this.base.runs);
    if (this.runsMap.delete(id)) this.membershipChanged = true;
    if (!this.leftMap) this.leftMap = new Map(this.base.left);
    this.leftMap.delete(id);
    this.leftMap.set(id, version);
    if (this.leftMap.size > LEFT_MEMORY) {
      const oldest = this.leftMap.keys().next().value;
      if (oldest !== undefined) this.leftMap.delete(oldest);
    }
    this.touch(id);
  }

  /** Replaces the whole active set (a snapshot); membership is compared by the caller. */
  replaceRuns(runs: Map<string, JobRunSummary>): void {
    this.runsMap = runs;
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
    return {
      runs: this.runs,
      synced: this.synced,
      lastSeq: this.lastSeq,
      epoch: this.epoch,
      buffer: this.buffer,
      left: this.leftMap ?? this.base.left,
      lastEventAt: this.lastEventAt,
      effects: this.effectList ?? this.base.effects,
      touched: this.touchedSet ?? this.base.touched,
      membershipChanged: this.membershipChanged,
    };
  }
}
