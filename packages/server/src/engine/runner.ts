import { isJsonObject, JOB_EVENT, type JobRun, type LogLevel } from '@jobs/contracts';
import { inlineInvoker, type JobInvoker } from '../isolation/invoker.js';
import type { JobContext } from '../jobs/define.js';
import type { JobRegistry } from '../jobs/registry.js';
import type { Logger } from '../logger.js';
import { isStoreUnavailable } from '../store/errors.js';
import type { FinishInput, JobStore } from '../store/types.js';
import type { RunExecutor } from './dispatcher.js';
import { CancelledError, ShutdownError, TimeoutError, toJobError } from './errors.js';
import type { JobEvents } from './events.js';
import { ProgressCoalescer } from './progress.js';

export interface RunnerOptions {
  /** how often a live run's heartbeat is written */
  heartbeatMs: number;
  /** how long a job may ignore its signal before it is given up on */
  cancelGraceMs: number;
  /** on shutdown, how long running jobs get to stop */
  shutdownGraceMs: number;
  progressIntervalMs?: number;
  /** where the jobs' own code runs (worker threads, see isolation/); inline by default */
  invoker?: JobInvoker;
}

type Reason = 'cancel' | 'timeout' | 'shutdown';

const FINISH_PATIENCE_MS = 5 * 60_000;

class LiveRun {
  readonly controller = new AbortController();
  reason: Reason | null = null;
  settled = false;
  version: number;
  readonly timers: NodeJS.Timeout[] = [];
  readonly done: Promise<void>;
  resolveDone!: () => void;
  progress!: ProgressCoalescer;

  constructor(
    readonly run: JobRun,
    readonly timeoutMs: number | undefined,
  ) {
    this.version = run.version;
    this.done = new Promise((resolve) => {
      this.resolveDone = resolve;
    });
  }
}

/**
 * Runs one run at a time per call: QUEUED → RUNNING, the job's `run(ctx)`, then exactly one
 * terminal transition. Cancel and timeout fire the signal; a job that ignores it is given up on
 * after the grace period and whatever it returns later is discarded.
 */
export class Runner implements RunExecutor {
  readonly #live = new Map<string, LiveRun>();
  /** aborts that arrived between the start transition and the run's registration */
  readonly #early = new Map<string, 'cancel' | 'shutdown'>();
  readonly #heartbeat: NodeJS.Timeout;
  #closing = false;

  constructor(
    private readonly store: JobStore,
    private readonly registry: JobRegistry,
    private readonly events: JobEvents,
    private readonly logger: Logger,
    private readonly options: RunnerOptions,
  ) {
    this.#heartbeat = setInterval(() => void this.#beat(), options.heartbeatMs);
    this.#heartbeat.unref();
  }

  async execute(runId: string): Promise<void> {
    let started: Awaited<ReturnType<JobStore['startRun']>>;
    try {
      started = await this.store.startRun(runId, new Date());
    } catch (err) {
      // The run stays QUEUED in the store; it is dispatched again once the store answers.
      if (isStoreUnavailable(err)) return;
      throw err;
    }
    if (!started) {
      this.#early.delete(runId);
      return; // cancelled while it waited, or already taken
    }
    this.events.lifecycle(JOB_EVENT.started, started, 'runner');
    const { run } = started;
    const job = this.registry.get(run.jobName);
    const live = new LiveRun(run, job?.input.timeoutMs);
    live.progress = new ProgressCoalescer(async (progress, at) => {
      let version: number | null;
      try {
        version = await this.store.updateProgress(run.id, progress, at);
      } catch (err) {
        // A progress value is not worth a crash: the next one (or the run's end) carries the news.
        this.logger.warn({ runId: run.id, err: String(err) }, 'could not write progress; skipped');
        return;
      }
      if (version === null) return;
      live.version = version;
      this.events.progress(run, version, progress, at);
    }, this.options.progressIntervalMs);
    this.#live.set(run.id, live);
    const early = this.#early.get(run.id);
    this.#early.delete(run.id);
    if (!job) {
      await this.#settle(live, {
        status: 'FAILED',
        error: { message: `No job named "${run.jobName}" is registered on this server`, code: 'UNKNOWN_JOB' },
      });
      return;
    }
    if (live.timeoutMs) live.timers.push(setTimeout(() => this.#abort(live, 'timeout'), live.timeoutMs));
    if (early) this.#abort(live, early);

    void (async () => {
      let finish: FinishInput;
      try {
        const value = await (this.options.invoker ?? inlineInvoker).invoke(job, this.#context(live));
        finish = this.#fromResult(live, value);
      } catch (err) {
        finish = this.#fromError(live, err);
      }
      if (live.settled) {
        this.logger.warn(
          { runId: run.id, jobName: run.jobName },
          'job returned after it was given up on; result discarded',
        );
        return;
      }
      await this.#settle(live, finish);
    })();
    return live.done;
  }

  abort(runId: string, reason: 'cancel' | 'shutdown'): void {
    const live = this.#live.get(runId);
    if (live) this.#abort(live, reason);
    else this.#early.set(runId, reason); // handed over, not registered yet: applied when it is
  }

  async close(): Promise<void> {
    this.#closing = true;
    clearInterval(this.#heartbeat);
    const all = [...this.#live.values()];
    for (const live of all) this.#abort(live, 'shutdown');
    await Promise.all(all.map((l) => l.done));
  }

  #abort(live: LiveRun, reason: Reason): void {
    if (live.settled || live.reason) return;
    live.reason = reason;
    const error =
      reason === 'cancel'
        ? new CancelledError('The run was cancelled')
        : reason === 'timeout'
          ? new TimeoutError(`Timed out after ${live.timeoutMs} ms`)
          : new ShutdownError('The server is shutting down');
    live.controller.abort(error);
    const grace = reason === 'shutdown' ? this.options.shutdownGraceMs : this.options.cancelGraceMs;
    live.timers.push(setTimeout(() => void this.#giveUp(live, grace), grace));
  }

  async #giveUp(live: LiveRun, grace: number): Promise<void> {
    if (live.settled) return;
    const note = `did not stop within the ${grace} ms grace period`;
    this.logger.warn({ runId: live.run.id, jobName: live.run.jobName, reason: live.reason }, `job ${note}`);
    const finish: FinishInput =
      live.reason === 'cancel'
        ? { status: 'CANCELLED', cancelWins: true }
        : live.reason === 'timeout'
          ? {
              status: 'FAILED',
              cancelWins: true,
              error: { message: `Timed out after ${live.timeoutMs} ms (${note})`, code: 'TIMEOUT' },
            }
          : {
              status: 'FAILED',
              error: { message: `Interrupted: the server shut down (${note})`, code: 'SHUTDOWN' },
            };
    // Both start in this tick: #settle marks the run settled at once, so a result the job returns
    // while the line is being written is already discarded.
    const logged = this.#log(
      live,
      'warn',
      `The job ${note}; it was given up on and anything it returns later is discarded.`,
    );
    const settled = this.#settle(live, finish);
    this.options.invoker?.abandon(live.run.id); // a thread still running its code is stopped
    await settled;
    await logged;
  }

  #fromResult(live: LiveRun, value: unknown): FinishInput {
    if (live.reason === 'timeout' || live.reason === 'shutdown')
      return this.#fromError(live, live.controller.signal.reason);
    if (value === undefined || value === null) return { status: 'SUCCESS', metadata: null, cancelWins: true };
    if (!isJsonObject(value)) {
      return {
        status: 'FAILED',
        cancelWins: true,
        error: {
          message: 'The job returned something that is not a JSON object; metadata must be one',
          code: 'INVALID_RESULT',
        },
      };
    }
    return { status: 'SUCCESS', metadata: value, cancelWins: true };
  }

  #fromError(live: LiveRun, err: unknown): FinishInput {
    if (live.reason === 'timeout') {
      return {
        status: 'FAILED',
        cancelWins: true,
        error: { message: `Timed out after ${live.timeoutMs} ms`, code: 'TIMEOUT' },
      };
    }
    if (live.reason === 'shutdown') {
      return {
        status: 'FAILED',
        cancelWins: true,
        error: { message: 'Interrupted: the server shut down while the run was running', code: 'SHUTDOWN' },
      };
    }
    return { status: 'FAILED', cancelWins: true, error: toJobError(err) };
  }

  /** The one place a run ends: final progress first, then one conditional terminal transition. */
  async #settle(live: LiveRun, finish: FinishInput): Promise<void> {
    if (live.settled) return;
    live.settled = true;
    for (const t of live.timers) clearTimeout(t);
    try {
      await live.progress.close().catch(() => undefined); // a lost progress value is not worth the end
      const done = await this.#finishPatiently(live.run.id, finish);
      if (done)
        this.events.lifecycle(JOB_EVENT.completed, done, live.reason === 'cancel' ? 'cancel' : 'runner');
    } catch (err) {
      this.logger.error({ runId: live.run.id, err: String(err) }, 'could not record the end of a run');
    } finally {
      this.#live.delete(live.run.id);
      live.resolveDone();
    }
  }

  /**
   * The end of a run is the one write that must land: while the store is unavailable it is tried
   * again, backing off to once every 10 s, for up to `FINISH_PATIENCE_MS`.
   */
  async #finishPatiently(id: string, finish: FinishInput) {
    const giveUpAt = Date.now() + FINISH_PATIENCE_MS;
    for (let pause = 250; ; pause = Math.min(pause * 2, 10_000)) {
      try {
        return await this.store.finishRun(id, finish, new Date());
      } catch (err) {
        if (!isStoreUnavailable(err) || this.#closing || Date.now() + pause > giveUpAt) throw err;
        await new Promise((resolve) => setTimeout(resolve, pause).unref());
      }
    }
  }

  #context(live: LiveRun): JobContext {
    const { signal } = live.controller;
    return {
      runId: live.run.id,
      jobName: live.run.jobName,
      attempt: live.run.attempt,
      params: live.run.params,
      signal,
      progress: (progress) => live.progress.push(progress ?? {}),
      log: (level, message) => void this.#log(live, level, String(message)),
      sleep: (ms) =>
        new Promise<void>((resolve, reject) => {
          if (signal.aborted) return reject(signal.reason);
          const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
          };
          const timer = setTimeout(() => {
            signal.removeEventListener('abort', onAbort);
            resolve();
          }, ms);
          signal.addEventListener('abort', onAbort, { once: true });
        }),
      throwIfAborted: () => signal.throwIfAborted(),
    };
  }

  async #log(live: LiveRun, level: LogLevel, message: string): Promise<void> {
    if (live.settled) return;
    try {
      const line = await this.store.appendLog(live.run.id, level, message, new Date());
      if (line) this.events.log(live.run, live.version, line);
    } catch (err) {
      this.logger.error({ runId: live.run.id, err: String(err) }, 'could not write a log line');
    }
  }

  async #beat(): Promise<void> {
    const ids = [...this.#live.values()].filter((l) => !l.settled).map((l) => l.run.id);
    try {
      await this.store.heartbeat(ids, new Date());
    } catch (err) {
      this.logger.error({ err: String(err) }, 'heartbeat failed');
    }
  }
}
