import {
  JOB_EVENT,
  type JobEvent,
  type JobProgress,
  type JobRun,
  type LogLine,
  toSummary,
} from '@jobs/contracts';
import type { Logger } from '../logger.js';
import type { Lifecycle } from '../store/types.js';

type Listener = (event: JobEvent) => void;
type LifecycleType = typeof JOB_EVENT.queued | typeof JOB_EVENT.started | typeof JOB_EVENT.completed;

/**
 * Builds the contract's event envelopes and hands them to listeners (the socket gateway). Every
 * lifecycle event is also one structured log line: who did what to which run.
 */
export class JobEvents {
  readonly #listeners = new Set<Listener>();
  /** the next lifecycle seq to send; later ones wait for it (at most `gapMs`) so order never breaks */
  #expected: number | null = null;
  readonly #held = new Map<number, JobEvent>();
  #gapTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly gapMs = 1000,
  ) {}

  /** Lifecycle events are sent in seq order from `lastSeq + 1` on. */
  startAt(lastSeq: number): void {
    this.#expected = lastSeq + 1;
  }

  close(): void {
    if (this.#gapTimer) clearTimeout(this.#gapTimer);
    this.#listeners.clear();
  }

  on(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #send(event: JobEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (err) {
        this.logger.error({ err: String(err), type: event.type }, 'event listener failed');
      }
    }
  }

  #sendInOrder(seq: number, event: JobEvent): void {
    if (this.#expected === null || seq < this.#expected) {
      this.#send(event);
      return;
    }
    this.#held.set(seq, event);
    this.#drain();
    if (this.#held.size > 0 && !this.#gapTimer) {
      // A seq was used without its event (a caller failed between commit and send): skip the gap.
      this.#gapTimer = setTimeout(() => {
        this.#gapTimer = null;
        this.#expected = Math.min(...this.#held.keys());
        this.#drain();
      }, this.gapMs);
      this.#gapTimer.unref();
    }
  }

  #drain(): void {
    for (let next = this.#held.get(this.#expected!); next; next = this.#held.get(this.#expected!)) {
      this.#held.delete(this.#expected!);
      this.#expected! += 1;
      this.#send(next);
    }
    if (this.#held.size === 0 && this.#gapTimer) {
      clearTimeout(this.#gapTimer);
      this.#gapTimer = null;
    }
  }

  lifecycle(type: LifecycleType, { run, seq }: Lifecycle, actor: string | null): void {
    const event = { type, at: new Date().toISOString(), seq, data: { ...ids(run), run: toSummary(run) } };
    this.#sendInOrder(seq, event as JobEvent);
    this.#logTransition(type, run, seq, actor);
  }

  cancelRequested({ run, seq }: Lifecycle, actor: string | null): void {
    this.#sendInOrder(seq, {
      type: JOB_EVENT.cancelRequested,
      at: new Date().toISOString(),
      seq,
      data: { ...ids(run), cancelRequestedAt: run.cancelRequestedAt! },
    });
    this.#logTransition(JOB_EVENT.cancelRequested, run, seq, actor);
  }

  /** `at` is when the value was flushed, so the spacing of `at` is the coalescing interval. */
  progress(run: Pick<JobRun, 'id' | 'jobName'>, version: number, progress: JobProgress, at: Date): void {
    this.#send({
      type: JOB_EVENT.progress,
      at: at.toISOString(),
      data: {
        jobRunId: run.id,
        jobName: run.jobName,
        version,
        ...(progress.percent !== undefined ? { progressPercent: progress.percent } : {}),
        ...(progress.message !== undefined ? { message: progress.message } : {}),
        ...(progress.current !== undefined ? { current: progress.current } : {}),
        ...(progress.total !== undefined ? { total: progress.total } : {}),
      },
    });
  }

  log(run: Pick<JobRun, 'id' | 'jobName'>, version: number, line: LogLine): void {
    this.#send({
      type: JOB_EVENT.log,
      at: line.at,
      data: { jobRunId: run.id, jobName: run.jobName, version, line },
    });
  }

  #logTransition(type: string, run: JobRun, seq: number, actor: string | null): void {
    this.logger.info(
      {
        event: type.replace('server.admin.', ''),
        runId: run.id,
        jobName: run.jobName,
        status: run.status,
        trigger: run.trigger,
        actor,
        seq,
        version: run.version,
        ...(run.error ? { error: run.error.message, code: run.error.code } : {}),
        ...(run.durationMs !== null ? { durationMs: run.durationMs } : {}),
      },
      `run ${run.id} ${run.jobName}: ${type === JOB_EVENT.cancelRequested ? 'cancel requested' : run.status}`,
    );
  }
}

function ids(run: JobRun) {
  return { jobRunId: run.id, jobName: run.jobName, version: run.version };
}
