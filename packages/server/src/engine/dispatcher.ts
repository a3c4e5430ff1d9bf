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

/** A FIFO queue with O(1) push and shift (a head index instead of `Array.shift`). */
class Fifo<T> {
  #items: T[] = [];
  #head = 0;
  get size(): number {
    return this.#items.length - this.#head;
  }
  push(item: T): void {
    this.#items.push(item);
  }
  peek(): T | undefined {
    return this.#items[this.#head];
  }
  shift(): T | undefined {
    const item = this.#items[this.#head++];
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }
}

type Waiting = { id: string; order: number };

/**
 * FIFO within a global and a per-job limit: one queue per job, and the oldest head among the jobs
 * below their limit starts next, so a job at its limit does not hold up others. Each start costs
 * O(number of jobs), whatever the number of waiting runs.
 */
export class InProcessDispatcher implements Dispatcher {
  readonly #queues = new Map<string, Fifo<Waiting>>();
  /** waiting run id → job name; a withdrawn run is dropped from its queue when it reaches the head */
  readonly #waiting = new Map<string, string>();
  readonly #running = new Set<string>();
  readonly #perJob = new Map<string, number>();
  #order = 0;
  #closed = false;

  constructor(
    private readonly executor: RunExecutor,
    private readonly limits: ConcurrencyLimits,
    private readonly logger: Logger,
  ) {}

  dispatch(run: Pick<JobRun, 'id' | 'jobName'>): void {
    if (this.#closed || this.#running.has(run.id) || this.#waiting.has(run.id)) return;
    let queue = this.#queues.get(run.jobName);
    if (!queue) {
      queue = new Fifo();
      this.#queues.set(run.jobName, queue);
    }
    queue.push({ id: run.id, order: this.#order++ });
    this.#waiting.set(run.id, run.jobName);
    this.#pump();
  }

  withdraw(runId: string): void {
    this.#waiting.delete(runId);
  }

  cancel(runId: string): void {
    if (this.#running.has(runId)) this.executor.abort(runId, 'cancel');
    else this.withdraw(runId);
  }

  counts() {
    return { running: this.#running.size, waiting: this.#waiting.size };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#queues.clear();
    this.#waiting.clear();
    await this.executor.close();
  }

  #pump(): void {
    while (this.#running.size < this.limits.global) {
      let next: { jobName: string; head: Waiting } | null = null;
      for (const [jobName, queue] of this.#queues) {
        while (queue.size > 0 && !this.#waiting.has(queue.peek()!.id)) queue.shift(); // withdrawn
        if (queue.size === 0) {
          this.#queues.delete(jobName);
          continue;
        }
        if ((this.#perJob.get(jobName) ?? 0) >= this.limits.perJob(jobName)) continue;
        const head = queue.peek()!;
        if (!next || head.order < next.head.order) next = { jobName, head };
      }
      if (!next) return;
      this.#queues.get(next.jobName)!.shift();
      this.#waiting.delete(next.head.id);
      this.#start({ id: next.head.id, jobName: next.jobName });
    }
  }

  #start(run: Pick<JobRun, 'id' | 'jobName'>): void {
    this.#running.add(run.id);
    this.#perJob.set(run.jobName, (this.#perJob.get(run.jobName) ?? 0) + 1);
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
