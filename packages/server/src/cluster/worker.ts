import type PgBoss from 'pg-boss';
import { JobEvents } from '../engine/events.js';
import { Runner } from '../engine/runner.js';
import type { JobInvoker } from '../isolation/invoker.js';
import type { JobRegistry } from '../jobs/registry.js';
import type { Logger } from '../logger.js';
import { isStoreUnavailable } from '../store/errors.js';
import type { PostgresJobStore } from '../store/postgres/store.js';
import type { Lifecycle } from '../store/types.js';
import { clockedStore, type HeartbeatAnswer } from './clocked-store.js';
import { DbClock } from './db-clock.js';
import { queueOnBoss } from './dispatcher.js';
import { adoptOrphans } from './orphans.js';
import { ensureQueues, queueOf, type RunMessage } from './queue.js';
import { CHANNEL, SignalListener } from './signals.js';
import { activeCounts, ClusterSlots } from './slots.js';
import { stallRetries } from './stall-retry.js';
import { StallSweep } from './stall-sweep.js';

export interface WorkerOptions {
  databaseUrl: string;
  /** runs at once in this process (default 8); each job's `concurrency` holds across the cluster */
  capacity?: number;
  heartbeatMs?: number;
  stalledAfterMs?: number;
  /** how often this node looks for stalled runs (default 2 s) */
  sweepEveryMs?: number;
  cancelGraceMs?: number;
  shutdownGraceMs?: number;
  /** tests only: this process's clock runs this far ahead (or behind, negative) */
  clockSkewMs?: number;
  /** the API node's events when the worker shares its process (role `all`) */
  events?: JobEvents;
  /** where job code runs (worker threads, see isolation/); inline without it */
  invoker?: JobInvoker | undefined;
}

/** most pg-boss jobs fetched at once from one queue */
const FETCH_BATCH = 32;
/** idle workers look again this often even without a signal (a lost NOTIFY costs at most this) */
const IDLE_POLL_MS = 1000;
/** how often queued runs without a pg-boss job are looked for */
const ORPHANS_EVERY_MS = 30_000;

type Started = { started: Lifecycle | null } | { error: unknown };

/**
 * A worker node: pulls runs from pg-boss (one queue per job), starts them under the job's
 * cluster-wide slot count, executes them with the engine's Runner, heartbeats by the database's
 * clock, listens for cancels, and sweeps for runs whose worker died.
 */
export class JobsWorker {
  readonly #running = new Map<string, string>();
  readonly #startWaiters = new Map<string, (outcome: Started) => void>();
  readonly #runner: Runner;
  readonly #slots: ClusterSlots;
  readonly #listener: SignalListener;
  readonly #sweep: StallSweep;
  readonly #capacity: number;
  #wake: (() => void) | null = null;
  #closed = false;
  #loop: Promise<void> = Promise.resolve();
  #rotation = 0;
  #orphanTimer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly store: PostgresJobStore,
    private readonly boss: PgBoss,
    private readonly registry: JobRegistry,
    readonly clock: DbClock,
    private readonly logger: Logger,
    options: WorkerOptions,
  ) {
    this.#capacity = options.capacity ?? 8;
    const events = options.events ?? new JobEvents(logger);
    const worked = clockedStore(store, clock, {
      started: (id, outcome) => this.#startWaiters.get(id)?.(outcome),
      heartbeat: (answer) => this.#onHeartbeat(answer),
    });
    this.#runner = new Runner(worked, registry, events, logger, {
      heartbeatMs: options.heartbeatMs ?? 5000,
      cancelGraceMs: options.cancelGraceMs ?? 10_000,
      shutdownGraceMs: options.shutdownGraceMs ?? 5000,
      invoker: options.invoker,
    });
    this.#slots = new ClusterSlots(options.databaseUrl);
    this.#listener = new SignalListener(
      options.databaseUrl,
      {
        [CHANNEL.cancel]: (runId) => {
          if (this.#running.has(runId)) this.#runner.abort(runId, 'cancel');
        },
        [CHANNEL.queued]: () => this.#wakeUp(),
      },
      logger,
    );
    const retries = stallRetries(store, registry, clock, events, logger);
    this.#sweep = new StallSweep(store, clock, events, logger, {
      stalledAfterMs: options.stalledAfterMs ?? 30_000,
      everyMs: options.sweepEveryMs ?? 2000,
      onStalled: (run) => retries.afterStall(run),
      catchUp: () => retries.catchUp(),
    });
  }

  static async start(
    store: PostgresJobStore,
    boss: PgBoss,
    registry: JobRegistry,
    logger: Logger,
    options: WorkerOptions,
  ): Promise<JobsWorker> {
    const clock = new DbClock(store.pool, options.clockSkewMs ?? 0);
    await clock.start();
    await ensureQueues(
      boss,
      registry.all().map((j) => j.definition.name),
    );
    // a worker process enqueues too (retries after a stall): with the pg-boss job in the same commit
    if (!store.queueHooks) queueOnBoss(store, boss);
    const worker = new JobsWorker(store, boss, registry, clock, logger, options);
    await worker.#listener.start();
    worker.#sweep.start();
    worker.#orphanTimer = setInterval(() => void adoptOrphans(store, boss, logger), ORPHANS_EVERY_MS);
    worker.#orphanTimer.unref();
    void adoptOrphans(store, boss, logger);
    worker.#loop = worker.#run();
    logger.info(
      {
        event: 'worker_started',
        capacity: worker.#capacity,
        jobs: registry.all().length,
        clockOffsetMs: Math.round(clock.offsetMs),
      },
      'jobs worker started',
    );
    return worker;
  }

  counts() {
    return { running: this.#running.size, waiting: 0 };
  }

  /** Stops taking runs, interrupts running ones (they end FAILED `SHUTDOWN`), closes its connections. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#wakeUp();
    this.#sweep.stop();
    if (this.#orphanTimer) clearInterval(this.#orphanTimer);
    await this.#loop;
    await this.#runner.close();
    await this.#listener.close();
    await this.#slots.close();
    this.clock.stop();
  }

  #wakeUp(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  #idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = null;
        resolve();
      }, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async #run(): Promise<void> {
    let pause = 250;
    while (!this.#closed) {
      try {
        const started = await this.#tick();
        pause = 250;
        if (!started && !this.#closed) await this.#idle(IDLE_POLL_MS);
      } catch (err) {
        if (!isStoreUnavailable(err))
          this.logger.error({ err: String(err) }, 'worker could not take work; trying again');
        await this.#idle(pause);
        pause = Math.min(pause * 2, 5000);
      }
    }
  }

  /** One pass over the jobs with queued runs and free slots; true if any run was taken. */
  async #tick(): Promise<boolean> {
    if (this.#running.size >= this.#capacity) return false;
    const counts = await activeCounts(this.store.pool);
    const candidates = [...counts]
      .filter(([name, c]) => c.queued > 0 && this.registry.get(name))
      .map(([name, c]) => ({ name, ...c, limit: this.registry.get(name)!.concurrency }))
      .filter((c) => c.running < c.limit);
    if (candidates.length === 0) return false;
    // Start the round at a different job each pass, so no job is always served last.
    const offset = this.#rotation++ % candidates.length;
    let took = false;
    for (let i = 0; i < candidates.length; i++) {
      const job = candidates[(i + offset) % candidates.length]!;
      const free = this.#capacity - this.#running.size;
      if (free <= 0 || this.#closed) break;
      const want = Math.min(free, job.limit - job.running, job.queued, FETCH_BATCH);
      const fetched = await this.boss.fetch<RunMessage>(queueOf(job.name), { batchSize: want });
      if (fetched.length === 0) continue;
      took = (await this.#startUnderSlots(job.name, job.limit, fetched)) > 0 || took;
    }
    return took;
  }

  /**
   * Starts as many of the delivered runs as the job has free slots, under the job's slot lock;
   * the rest are handed back to pg-boss at once (they keep their place). A pg-boss job is
   * completed as soon as its run is RUNNING (or turned out not to be QUEUED any more): from then
   * on the run's own row, heartbeat and stall sweep are its truth.
   */
  async #startUnderSlots(jobName: string, limit: number, fetched: PgBoss.Job<RunMessage>[]): Promise<number> {
    const queue = queueOf(jobName);
    const done: string[] = [];
    const handBack: string[] = [];
    let started = 0;
    try {
      await this.#slots.admit(jobName, limit, async (free) => {
        const admitted = fetched.slice(0, free);
        handBack.push(...fetched.slice(free).map((j) => j.id));
        const outcomes = await Promise.all(admitted.map((job) => this.#start(job.data.runId)));
        outcomes.forEach((outcome, i) => {
          const id = admitted[i]!.id;
          if ('error' in outcome) handBack.push(id);
          else {
            done.push(id);
            if (outcome.started) started++;
          }
        });
      });
    } catch (err) {
      // The slot lock could not be taken: nothing of this batch started by us is lost; what did
      // not start goes back to pg-boss (or is delivered again when it expires).
      for (const job of fetched)
        if (!done.includes(job.id) && !handBack.includes(job.id)) handBack.push(job.id);
      this.logger.warn({ err: String(err), jobName }, 'could not admit runs; handed back');
    }
    if (done.length) await this.boss.complete(queue, done).catch(() => {}); // expired ones are dropped on start
    if (handBack.length) await this.boss.fail(queue, handBack).catch(() => {});
    return started;
  }

  /** Hands one run to the Runner; resolves when its start transition has committed (or not). */
  #start(runId: string): Promise<Started> {
    return new Promise<Started>((resolve) => {
      this.#startWaiters.set(runId, (outcome) => {
        this.#startWaiters.delete(runId);
        if ('started' in outcome && outcome.started) this.#running.set(runId, outcome.started.run.jobName);
        resolve(outcome);
      });
      this.#runner
        .execute(runId)
        .catch((err) => {
          this.logger.error({ runId, err: String(err) }, 'run execution failed');
          this.#startWaiters.get(runId)?.({ error: err });
        })
        .finally(() => {
          this.#running.delete(runId);
          this.#wakeUp();
        });
    });
  }

  #onHeartbeat(answer: HeartbeatAnswer): void {
    for (const id of answer.cancelRequested) if (this.#running.has(id)) this.#runner.abort(id, 'cancel');
    for (const id of answer.lost) {
      if (!this.#running.has(id)) continue;
      this.logger.warn(
        { runId: id },
        'run is no longer RUNNING in the store (declared stalled?); stopping it',
      );
      this.#runner.abort(id, 'cancel');
    }
  }

  /** one stall sweep now (tests) */
  sweepNow(): Promise<string[]> {
    return this.#sweep.sweep();
  }
}
