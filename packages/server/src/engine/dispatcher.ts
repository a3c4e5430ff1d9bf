import type { JobRun } from '@jobs/contracts';
import type { Logger } from '../logger.js';

/**
 * The one dispatch seam: how a QUEUED run reaches a worker. In-process now; a BullMQ dispatcher
 * (queues on Redis, workers on other machines, cancel over pub/sub) can implement it later without
 * the service or the API changing.
 */
export interface Dispatcher {
  /** hands a QUEUED run over for execution, in FIFO order within the concurrency limits */
  dispatch(run: Pick<JobRun, 'id' | 'jobName'>): void;
  /** forgets a run that was cancelled while it waited */
  withdraw(runId: string): void;
  /** asks the worker running it to stop (the signal fires; the grace period starts) */
  cancel(runId: string): void;
  counts(): { running: number; waiting: number };
  /** stops taking runs and interrupts running ones */
  close(): Promise<void>;
}

/** What actually runs a run, wherever the dispatcher lives. */
export interface RunExecutor {
  /** resolves when the run has reached a terminal state (or was given up on) */
  execute(runId: string): Promise<void>;
  abort(runId: string, reason: 'cancel' | 'shutdown'): void;
  close(): Promise<void>;
}

export interface ConcurrencyLimits {
  global: number;
  perJob(jobName: string): number;
}

/** FIFO within a global and a per-job limit: a job at its limit does not hold up other jobs. */
export class InProcessDispatcher implements Dispatcher {
  #waiting: Array<Pick<JobRun, 'id' | 'jobName'>> = [];
  readonly #running = new Set<string>();
  readonly #perJob = new Map<string, number>();
  #closed = false;

  constructor(
    private readonly executor: RunExecutor,
    private readonly limits: ConcurrencyLimits,
    private readonly logger: Logger,
  ) {}

  dispatch(run: Pick<JobRun, 'id' | 'jobName'>): void {
    if (this.#closed || this.#running.has(run.id) || this.#waiting.some((w) => w.id === run.id)) return;
    this.#waiting.push({ id: run.id, jobName: run.jobName });
    this.#pump();
  }

  withdraw(runId: string): void {
    this.#waiting = this.#waiting.filter((w) => w.id !== runId);
  }

  cancel(runId: string): void {
    if (this.#running.has(runId)) this.executor.abort(runId, 'cancel');
    else this.withdraw(runId);
  }

  counts() {
    return { running: this.#running.size, waiting: this.#waiting.length };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#waiting = [];
    await this.executor.close();
  }

  #pump(): void {
    for (let i = 0; i < this.#waiting.length && this.#running.size < this.limits.global; ) {
      const next = this.#waiting[i]!;
      const busy = this.#perJob.get(next.jobName) ?? 0;
      if (busy >= this.limits.perJob(next.jobName)) {
        i++;
        continue;
      }
      this.#waiting.splice(i, 1);
      this.#start(next, busy);
    }
  }

  #start(run: Pick<JobRun, 'id' | 'jobName'>, busy: number): void {
    this.#running.add(run.id);
    this.#perJob.set(run.jobName, busy + 1);
    this.executor
      .execute(run.id)
      .catch((err) => this.logger.error({ runId: run.id, err: String(err) }, 'run execution failed'))
      .finally(() => {
        this.#running.delete(run.id);
        this.#perJob.set(run.jobName, (this.#perJob.get(run.jobName) ?? 1) - 1);
        if (!this.#closed) this.#pump();
      });
  }
}
