import { Worker } from 'node:worker_threads';
import type { JobContext } from '../jobs/define.js';
import type { RegisteredJob } from '../jobs/registry.js';
import type { Logger } from '../logger.js';
import { inlineInvoker, type JobInvoker } from './invoker.js';
import { type FromThread, fromWireError, type ThreadData, type ToThread, toWireError } from './protocol.js';

const ENTRY = new URL('./thread-entry.mjs', import.meta.url);
/** an idle thread beyond the warm ones is stopped after this long without a run */
const IDLE_KEEP_MS = 10_000;

export class WorkerCrashedError extends Error {
  override name = 'WorkerCrashedError';
  readonly code = 'WORKER_CRASHED';
}

export interface ThreadPoolOptions {
  /** `file:` URLs of the job modules; their jobs run in threads, any other job inline */
  modules: string[];
  /** names of the jobs those modules define (known to the main thread, which loaded them too) */
  names: ReadonlySet<string>;
  /**
   * idle threads kept warm, so a run does not wait for a thread to load its modules (default 4, at
   * most `maxThreads`): loading takes 0.3 s on a quiet machine and seconds on a busy one
   */
  warm?: number;
  /** heap ceiling of one thread: a job past it crashes its thread, not the server (default 512 MB) */
  maxHeapMb?: number;
  /**
   * most threads at once (default 8): up to it every run has a thread of its own; past it runs
   * share the least busy thread (each thread holds a copy of the modules, so threads are not free)
   */
  maxThreads?: number;
}

interface Busy {
  runId: string;
  ctx: JobContext;
  resolve(value: unknown): void;
  reject(err: Error): void;
  offAbort(): void;
}

/** One worker thread, one run at a time. */
class JobThread {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  readonly busy = new Map<string, Busy>();
  dead = false;
  /** it loaded its modules once: a thread that never did is not replaced on its own (no respawn loop) */
  wasReady = false;
  /** set while it is idle beyond the warm threads: stops it unless a run takes it first */
  retire: NodeJS.Timeout | null = null;

  constructor(data: ThreadData, maxHeapMb: number, onExit: (thread: JobThread, why: Error) => void) {
    this.worker = new Worker(ENTRY, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      stdout: false,
      stderr: false,
    });
    this.worker.unref();
    let loaded!: () => void;
    let failed!: (err: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      loaded = resolve;
      failed = reject;
    });
    this.ready.catch(() => {});
    let why: Error | null = null;
    this.worker.on('message', (msg: FromThread) => {
      if (msg.type === 'ready') {
        this.wasReady = true;
        loaded();
      } else if (msg.type === 'load-failed') failed(fromWireError(msg.error));
      else this.#onRunMessage(msg);
    });
    this.worker.on('error', (err) => {
      why = err;
    });
    this.worker.on('exit', (code) => {
      this.dead = true;
      const err = new WorkerCrashedError(
        `The worker thread running this job crashed${why ? `: ${why.message}` : ` (exit code ${code})`}`,
      );
      failed(err);
      onExit(this, err);
    });
  }

  run(job: RegisteredJob, ctx: JobContext): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const onAbort = () =>
        this.#post({ type: 'abort', runId: ctx.runId, reason: toWireError(ctx.signal.reason) });
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      this.busy.set(ctx.runId, {
        runId: ctx.runId,
        ctx,
        resolve,
        reject,
        offAbort: () => ctx.signal.removeEventListener('abort', onAbort),
      });
      this.#post({
        type: 'run',
        runId: ctx.runId,
        jobName: job.definition.name,
        attempt: ctx.attempt,
        params: ctx.params,
      });
      if (ctx.signal.aborted) onAbort();
    });
  }

  /** ends the runs it holds with `err` (the thread died or was stopped) */
  failAll(err: Error): void {
    const all = [...this.busy.values()];
    this.busy.clear();
    for (const busy of all) {
      busy.offAbort();
      busy.reject(err);
    }
  }

  #post(message: ToThread): void {
    if (!this.dead) this.worker.postMessage(message);
  }

  #onRunMessage(msg: Exclude<FromThread, { type: 'ready' | 'load-failed' }>): void {
    const busy = this.busy.get(msg.runId);
    if (!busy) return;
    if (msg.type === 'progress') busy.ctx.progress(msg.progress);
    else if (msg.type === 'log') busy.ctx.log(msg.level, msg.message);
    else {
      this.busy.delete(msg.runId);
      busy.offAbort();
      if (msg.type === 'done') busy.resolve(msg.value);
      else busy.reject(fromWireError(msg.error));
    }
  }
}

/**
 * Runs job code in worker threads, off the event loop that serves the API, the socket and the
 * dashboard: a thread per run up to `maxThreads`, idle threads reused, past the cap runs share the
 * least busy thread. A thread that dies (an uncaught exception, `process.exit`, its heap ceiling)
 * fails only the runs it held, with WORKER_CRASHED, and is replaced; a run given up on has its
 * thread terminated, so a job stuck in a loop cannot keep a core after its end was written (runs
 * sharing that thread fail with a message saying so).
 */
export class ThreadPool implements JobInvoker {
  readonly #idle: JobThread[] = [];
  readonly #byRun = new Map<string, JobThread>();
  readonly #all = new Set<JobThread>();
  readonly #data: ThreadData;
  readonly #warm: number;
  readonly #maxHeapMb: number;
  readonly #maxThreads: number;
  #closed = false;

  constructor(
    private readonly options: ThreadPoolOptions,
    private readonly logger: Logger,
  ) {
    this.#data = { modules: options.modules };
    this.#maxHeapMb = options.maxHeapMb ?? 512;
    this.#maxThreads = Math.max(1, options.maxThreads ?? 8);
    this.#warm = Math.min(options.warm ?? 4, this.#maxThreads);
    this.#keepWarm();
  }

  /**
   * Resolves once the warm threads have loaded their modules (rejects if a module cannot load), so a
   * server that awaits it before serving never makes its first runs wait for a thread to boot.
   */
  whenWarm(): Promise<void> {
    return Promise.all(this.#idle.map((t) => t.ready)).then(() => undefined);
  }

  /** threads alive now (idle and busy) */
  get size(): number {
    return this.#all.size;
  }

  async invoke(job: RegisteredJob, ctx: JobContext): Promise<unknown> {
    if (!this.options.names.has(job.definition.name)) return inlineInvoker.invoke(job, ctx);
    const thread = this.#take();
    this.#byRun.set(ctx.runId, thread);
    try {
      await thread.ready;
      return await thread.run(job, ctx);
    } finally {
      this.#byRun.delete(ctx.runId);
      if (!thread.dead && !this.#closed && thread.busy.size === 0 && !this.#idle.includes(thread))
        this.#idle.push(thread);
      this.#trimIdle();
    }
  }

  abandon(runId: string): void {
    const thread = this.#byRun.get(runId);
    if (!thread) return;
    this.logger.warn({ runId }, 'terminating the worker thread of a run that was given up on');
    thread.dead = true; // never handed another run
    const mine = thread.busy.get(runId);
    thread.busy.delete(runId);
    mine?.offAbort();
    mine?.reject(new WorkerCrashedError('The run was given up on; its worker thread was stopped'));
    thread.failAll(
      new WorkerCrashedError(
        `The worker thread this run shared was stopped: run ${runId} in it did not stop when asked`,
      ),
    );
    void thread.worker.terminate();
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const t of this.#all) if (t.retire) clearTimeout(t.retire);
    await Promise.all([...this.#all].map((t) => t.worker.terminate()));
  }

  /** an idle thread, a new one below the cap, else the least busy live one */
  #take(): JobThread {
    const idle = this.#idle.pop();
    if (idle) {
      if (idle.retire) clearTimeout(idle.retire);
      idle.retire = null;
      return idle;
    }
    const live = [...this.#all].filter((t) => !t.dead);
    if (live.length < this.#maxThreads) return this.#spawn();
    return live.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
  }

  #spawn(): JobThread {
    const thread = new JobThread(this.#data, this.#maxHeapMb, (dead, err) => this.#onExit(dead, err));
    this.#all.add(thread);
    return thread;
  }

  #onExit(thread: JobThread, err: Error): void {
    this.#all.delete(thread);
    const at = this.#idle.indexOf(thread);
    if (at >= 0) this.#idle.splice(at, 1);
    if (thread.busy.size > 0) {
      this.logger.error(
        { runIds: [...thread.busy.keys()], err: err.message },
        'worker thread crashed under runs',
      );
      thread.failAll(err);
    }
    if (!this.#closed && thread.wasReady) this.#keepWarm();
  }

  #keepWarm(): void {
    while (!this.#closed && this.#idle.length < this.#warm) this.#idle.push(this.#spawn());
  }

  /**
   * Threads beyond the warm ones are not kept idle for long: each holds its own copy of the modules.
   * They are stopped after `IDLE_KEEP_MS` without a run, not at once, so a worker taking batch
   * after batch does not pay a thread start (seconds on a busy machine) per run. One being stopped
   * is dead from that moment: until its exit it would otherwise count as live and, with no run in
   * it, be the least busy thread a new run is handed to, and take that run down with it
   * (WORKER_CRASHED "exit code 1" for runs arriving right after a burst).
   */
  #trimIdle(): void {
    const keep = Math.max(this.#warm, 2);
    for (const thread of this.#idle.slice(0, Math.max(0, this.#idle.length - keep))) {
      if (thread.retire) continue;
      thread.retire = setTimeout(() => {
        thread.retire = null;
        const at = this.#idle.indexOf(thread);
        if (at < 0 || this.#idle.length <= keep) return;
        this.#idle.splice(at, 1);
        thread.dead = true;
        void thread.worker.terminate();
      }, IDLE_KEEP_MS);
      thread.retire.unref();
    }
  }
}
