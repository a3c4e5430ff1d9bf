import {
  ACTIVE_STATUSES,
  type ActiveResponse,
  JOB_EVENT,
  type JobEvent,
  type JobRunSummary,
  type TerminalStatus,
} from '@jobs/contracts';
import { makeSummary } from '@jobs/contracts/testing';
import { iso, justQueued, T0 } from './runs.js';

export type ServerOp =
  | { kind: 'enqueue' }
  | { kind: 'start'; pick: number }
  | { kind: 'progress'; pick: number; percent: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'complete'; pick: number; outcome: TerminalStatus };

/**
 * A reference jobs server: applies operations the way the contract says (versions, one `seq` per
 * lifecycle event) and remembers its state after every event, so a test can answer `/active` "as
 * of" any moment and compare a client's final state with the truth.
 */
export class ServerModel {
  readonly runs = new Map<string, JobRunSummary>();
  readonly log: JobEvent[] = [];
  /** states[k]: the active snapshot after the first k events. */
  readonly states: ActiveResponse[] = [{ runs: [], asOfSeq: 0 }];
  /** runsAt[k]: every run (active or not) after the first k events, for late HTTP answers. */
  readonly runsAt: ReadonlyMap<string, JobRunSummary>[] = [new Map()];
  private seq = 0;
  private nextId = 1;

  apply(op: ServerOp): void {
    const active = [...this.runs.values()].filter((r) =>
      (ACTIVE_STATUSES as readonly string[]).includes(r.status),
    );
    const at = iso(T0 + this.log.length * 1000);
    if (op.kind === 'enqueue') {
      const run = makeSummary({ ...justQueued, id: String(this.nextId++), queuedAt: at });
      this.lifecycle(JOB_EVENT.queued, run, at);
      return;
    }
    const candidates =
      op.kind === 'start'
        ? active.filter((r) => r.status === 'QUEUED')
        : op.kind === 'progress'
          ? active.filter((r) => r.status === 'RUNNING')
          : op.kind === 'cancel'
            ? active.filter((r) => r.cancelRequestedAt === null)
            : active.filter((r) => op.outcome === 'CANCELLED' || r.status === 'RUNNING');
    const target = candidates[op.pick % Math.max(1, candidates.length)];
    if (!target) return;
    const version = target.version + 1;
    if (op.kind === 'start')
      this.lifecycle(JOB_EVENT.started, { ...target, status: 'RUNNING', startedAt: at, version }, at);
    else if (op.kind === 'complete')
      this.lifecycle(JOB_EVENT.completed, { ...target, status: op.outcome, finishedAt: at, version }, at);
    else if (op.kind === 'cancel') {
      this.runs.set(target.id, { ...target, cancelRequestedAt: at, version });
      this.record({
        type: JOB_EVENT.cancelRequested,
        at,
        seq: ++this.seq,
        data: { jobRunId: target.id, jobName: target.jobName, version, cancelRequestedAt: at },
      });
    } else {
      const progress = { percent: op.percent, message: `at ${op.percent}` };
      this.runs.set(target.id, { ...target, progress, version });
      this.record({
        type: JOB_EVENT.progress,
        at,
        data: {
          jobRunId: target.id,
          jobName: target.jobName,
          version,
          progressPercent: op.percent,
          message: progress.message,
        },
      });
    }
  }

  activeAfter(events: number): ActiveResponse {
    return this.states[Math.min(events, this.states.length - 1)] as ActiveResponse;
  }

  private lifecycle(
    type: typeof JOB_EVENT.queued | typeof JOB_EVENT.started | typeof JOB_EVENT.completed,
    run: JobRunSummary,
    at: string,
  ): void {
    this.runs.set(run.id, run);
    this.record({
      type,
      at,
      seq: ++this.seq,
      data: { jobRunId: run.id, jobName: run.jobName, version: run.version, run },
    } as JobEvent);
  }

  private record(event: JobEvent): void {
    this.log.push(event);
    const runs = [...this.runs.values()];
    this.states.push({
      runs: runs.filter((r) => r.status === 'QUEUED' || r.status === 'RUNNING'),
      asOfSeq: this.seq,
    });
    (this.runsAt as Map<string, JobRunSummary>[]).push(new Map(this.runs));
  }
}
