import {
  apiError,
  type BulkCancelRequest,
  type BulkCancelResponse,
  type BulkEnqueueRequest,
  type BulkEnqueueResponse,
  type HistoryQuery,
  isActive,
  JOB_EVENT,
  type JobDefinition,
  type JobRun,
  type JobRunSummary,
  type JobStats,
  type JobTrigger,
  type JsonObject,
  type LogLine,
  type RawField,
  type StatsSeries,
  type StatsSeriesQuery,
  toSummary,
} from '@jobs/contracts';
import type { JobRegistry } from '../jobs/registry.js';
import type { Logger } from '../logger.js';
import { HistoryQueryError, isStoreUnavailable } from '../store/errors.js';
import type { HistoryPage, JobStore } from '../store/types.js';
import type { Dispatcher } from './dispatcher.js';
import type { JobEvents } from './events.js';
import { type Failure, type Outcome, ok, refuse } from './outcome.js';

export type { Outcome } from './outcome.js';

/** The read side: everything the API shows, without reaching into the store. */
export interface JobsQueries {
  definitions(): JobDefinition[];
  history(query: HistoryQuery): Promise<Outcome<HistoryPage>>;
  active(): Promise<{ runs: JobRunSummary[]; asOfSeq: number; truncated: boolean }>;
  stats(): Promise<JobStats>;
  statsSeries(query: StatsSeriesQuery): Promise<StatsSeries>;
  run(id: string): Promise<Outcome<JobRun>>;
  logs(id: string, after: number, limit: number): Promise<Outcome<{ lines: LogLine[]; nextAfter: number }>>;
  rawField(id: string, field: RawField): Promise<Outcome<{ run: JobRun; json: string }>>;
}

/** `/active` answers at most this many runs (and says when there were more). */
const ACTIVE_LIMIT = 1000;
/** how many active runs of a job are looked through for a retry already under way */
const RETRY_LOOKUP_LIMIT = 1000;

export interface EnqueueInput {
  jobName: string;
  params: JsonObject;
  idempotencyKey?: string | undefined;
}
export interface Actor {
  trigger: JobTrigger;
  /** who: a user id or email (header `X-Triggered-By`), `cron:<pattern>`, `event:<name>` */
  triggeredBy: string | null;
}

const STALLED_BATCH = 500;

/**
 * Every action on runs, for the HTTP API, the schedules and the event triggers alike. It talks to
 * the store and the dispatcher only through their interfaces.
 */
export class JobsService implements JobsQueries {
  /** retries in flight per original run: two at once for the same run are one after the other */
  readonly #retrying = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: JobStore,
    private readonly registry: JobRegistry,
    private readonly dispatcher: Dispatcher,
    private readonly events: JobEvents,
    private readonly logger: Logger,
    private readonly options: { stalledAfterMs: number },
  ) {}

  async enqueue(
    input: EnqueueInput,
    actor: Actor,
  ): Promise<Outcome<{ run: JobRunSummary; replayed: boolean }>> {
    const job = this.registry.get(input.jobName);
    if (!job) {
      return refuse(
        'not-found',
        apiError('Unknown job', `No job named "${input.jobName}" is registered`, false, 'jobName'),
      );
    }
    const parsed = this.registry.parseParams(job, input.params);
    if (!parsed.ok) return refuse('invalid', parsed.error);
    const inserted = await this.store.insertRun(
      {
        jobName: job.definition.name,
        params: parsed.params,
        trigger: actor.trigger,
        triggeredBy: actor.triggeredBy,
        scope: job.input.scope ?? null,
        algorithmVersion: job.input.algorithmVersion ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
      },
      new Date(),
    );
    if (inserted.replayed) {
      const same =
        inserted.run.jobName === job.definition.name &&
        JSON.stringify(inserted.run.params) === JSON.stringify(parsed.params);
      if (!same) {
        return refuse('conflict', {
          ...apiError(
            'Idempotency key reused',
            `The key was first used to enqueue run #${inserted.run.id} with another job or other params`,
            false,
            'idempotencyKey',
          ),
          run: toSummary(inserted.run),
        });
      }
      this.logger.info(
        { event: 'enqueue_replayed', runId: inserted.run.id, actor: actor.triggeredBy },
        'idempotent enqueue replayed',
      );
      return ok({ run: toSummary(inserted.run), replayed: true });
    }
    this.events.lifecycle(JOB_EVENT.queued, inserted, actor.triggeredBy);
    this.dispatcher.dispatch(inserted.run);
    return ok({ run: toSummary(inserted.run), replayed: false });
  }

  async cancel(id: string, actor: string | null): Promise<Outcome<{ run: JobRunSummary }>> {
    let run = await this.store.getRun(id);
    if (!run) return notFound(id);
    if (run.status === 'QUEUED') {
      const done = await this.store.finishRun(id, { status: 'CANCELLED', from: ['QUEUED'] }, new Date());
      if (done) {
        this.dispatcher.withdraw(id);
        this.events.lifecycle(JOB_EVENT.completed, done, actor);
        return accepted(done.run);
      }
      run = (await this.store.getRun(id))!; // it started in between
    }
    if (run.status === 'RUNNING') {
      const job = this.registry.get(run.jobName);
      if (job && !job.cancellable) {
        return refuse('conflict', {
          ...apiError('Not cancellable', `${run.jobName} cannot be stopped once it runs`, false),
          run: toSummary(run),
        });
      }
      const requested = await this.store.requestCancel(id, new Date());
      if (requested) {
        this.events.cancelRequested(requested, actor);
        this.dispatcher.cancel(id);
        return accepted(requested.run);
      }
      run = (await this.store.getRun(id))!; // already asked for, or it finished in between
      if (run.status === 'RUNNING') return accepted(run);
    }
    if (run.status === 'CANCELLED') return accepted(run); // idempotent: the cancel already happened
    return refuse('conflict', {
      ...apiError('Run already finished', `Run #${run.id} already finished with ${run.status}`, false),
      run: toSummary(run),
    });
  }

  /**
   * A finished run again, as a new run (trigger RETRY, attempt + 1). Idempotent while it is under
   * way: a second retry of the same run while an earlier retry of it is QUEUED or RUNNING is a
   * conflict carrying that retry (`run`), never a second run.
   */
  async retry(id: string, actor: string | null): Promise<Outcome<{ run: JobRunSummary }>> {
    const before = this.#retrying.get(id) ?? Promise.resolve();
    const mine = before.then(
      () => this.#retryOnce(id, actor),
      () => this.#retryOnce(id, actor),
    );
    this.#retrying.set(id, mine);
    try {
      return await mine;
    } finally {
      if (this.#retrying.get(id) === mine) this.#retrying.delete(id);
    }
  }

  async #retryOnce(id: string, actor: string | null): Promise<Outcome<{ run: JobRunSummary }>> {
    const original = await this.store.getRun(id);
    if (!original) return notFound(id);
    if (isActive(original.status)) {
      return refuse('conflict', {
        ...apiError(
          'Run still active',
          `Run #${id} is ${original.status}; retry it once it has finished`,
          false,
        ),
        run: toSummary(original),
      });
    }
    const job = this.registry.get(original.jobName);
    if (!job) {
      return refuse(
        'not-found',
        apiError(
          'Unknown job',
          `No job named "${original.jobName}" is registered any more`,
          false,
          'jobName',
        ),
      );
    }
    const underWay = (await this.store.listActive({ jobName: original.jobName }, RETRY_LOOKUP_LIMIT)).find(
      (r) => r.retryOf === original.id,
    );
    if (underWay) {
      return refuse('conflict', {
        ...apiError(
          'Retry already under way',
          `Run #${id} is already being retried by run #${underWay.id} (${underWay.status})`,
          false,
        ),
        run: toSummary(underWay),
      });
    }
    const inserted = await this.store.insertRun(
      {
        jobName: original.jobName,
        params: original.params,
        trigger: 'RETRY',
        triggeredBy: actor,
        scope: original.scope,
        algorithmVersion: job.input.algorithmVersion ?? original.algorithmVersion,
        attempt: original.attempt + 1,
        retryOf: original.id,
      },
      new Date(),
    );
    if (inserted.replayed) return ok({ run: toSummary(inserted.run) });
    this.events.lifecycle(JOB_EVENT.queued, inserted, actor);
    this.dispatcher.dispatch(inserted.run);
    return ok({ run: toSummary(inserted.run) });
  }

  /** Like bulk enqueue: stops at the first unavailable answer, and `results` say what was done. */
  async bulkCancel(request: BulkCancelRequest, actor: string | null): Promise<Outcome<BulkCancelResponse>> {
    const ids =
      'ids' in request ? request.ids : (await this.store.listActive(request.filter, 500)).map((r) => r.id);
    const results: BulkCancelResponse['results'] = [];
    let trouble: Failure | null = null;
    for (const id of ids) {
      if (trouble) {
        results.push({ id, ok: false, error: 'Not tried: the store was unavailable; send it again' });
        continue;
      }
      try {
        const out = await this.cancel(id, actor);
        results.push(
          out.ok ? { id, ok: true } : { id, ok: false, error: `${out.error.error}: ${out.error.details}` },
        );
      } catch (err) {
        if (!isStoreUnavailable(err)) throw err;
        trouble = unavailable(err.message, err.retryAfterSeconds);
        results.push({ id, ok: false, error: `Store unavailable: ${err.message}` });
      }
    }
    if (trouble) return refuse('unavailable', { ...trouble.error, results }, trouble.retryAfterSeconds);
    return ok({ results });
  }

  /**
   * Each item in order. When the store becomes unavailable halfway, the rest are not tried and the
   * answer is `unavailable`, still carrying `results`: exactly which runs were created.
   */
  async bulkEnqueue(request: BulkEnqueueRequest, actor: Actor): Promise<Outcome<BulkEnqueueResponse>> {
    const results: BulkEnqueueResponse['results'] = [];
    let trouble: Failure | null = null;
    for (const item of request.items) {
      if (trouble) {
        results.push({ ok: false, error: 'Not tried: the store was unavailable; send it again' });
        continue;
      }
      try {
        const out = await this.enqueue(item, actor);
        results.push(
          out.ok
            ? { ok: true, run: out.value.run }
            : { ok: false, error: `${out.error.error}: ${out.error.details}` },
        );
      } catch (err) {
        if (!isStoreUnavailable(err)) throw err;
        trouble = unavailable(err.message, err.retryAfterSeconds);
        results.push({ ok: false, error: `Store unavailable: ${err.message}` });
      }
    }
    if (trouble) return refuse('unavailable', { ...trouble.error, results }, trouble.retryAfterSeconds);
    return ok({ results });
  }

  // ─── The read side ────────────────────────────────────────────────────────

  definitions(): JobDefinition[] {
    return this.registry.definitions();
  }

  async history(query: HistoryQuery): Promise<Outcome<HistoryPage>> {
    try {
      return ok(await this.store.history(query));
    } catch (err) {
      if (!(err instanceof HistoryQueryError)) throw err;
      return refuse('invalid', apiError('Invalid query', err.message, true, err.field));
    }
  }

  active() {
    return this.store.active(ACTIVE_LIMIT);
  }

  stats(): Promise<JobStats> {
    return this.store.stats(new Date());
  }

  statsSeries(query: StatsSeriesQuery): Promise<StatsSeries> {
    return this.store.statsSeries(query.range, query.job ?? null, new Date());
  }

  async run(id: string): Promise<Outcome<JobRun>> {
    const run = await this.store.getRun(id);
    return run ? ok(run) : notFound(id);
  }

  async logs(id: string, after: number, limit: number) {
    if (!(await this.store.getRun(id))) return notFound(id);
    return ok(await this.store.logs(id, after, limit));
  }

  async rawField(id: string, field: RawField): Promise<Outcome<{ run: JobRun; json: string }>> {
    const run = await this.store.getRun(id);
    if (!run) return notFound(id);
    return ok({ run, json: (await this.store.getRawField(id, field)) ?? 'null' });
  }

  /**
   * Hands every QUEUED run to the dispatcher again (it ignores the ones it already has): after the
   * store was unavailable, runs whose start could not be written are waiting in the store only.
   */
  async redispatchQueued(): Promise<number> {
    const queued = await this.store.listActive({ status: 'QUEUED' }, 100_000);
    for (const run of queued) this.dispatcher.dispatch(run);
    return queued.length;
  }

  /** RUNNING runs whose heartbeat is older than the threshold become FAILED; `dryRun` only lists them. */
  async cleanupStalled(dryRun: boolean, actor: string | null): Promise<JobRunSummary[]> {
    const before = new Date(Date.now() - this.options.stalledAfterMs);
    const stalled = await this.store.findStalled(before, STALLED_BATCH);
    if (dryRun) return stalled.map(toSummary);
    const cleaned: JobRunSummary[] = [];
    for (const run of stalled) {
      const done = await this.#failStalled(run, '', before);
      if (done) cleaned.push(toSummary(done));
    }
    this.logger.info(
      { event: 'cleanup_stalled', actor, cleaned: cleaned.map((r) => r.id) },
      `cleaned ${cleaned.length} stalled runs`,
    );
    return cleaned;
  }

  /**
   * On startup: runs left RUNNING by a process that died can never finish, so they end FAILED as
   * stalled; runs left QUEUED are handed to the dispatcher again, oldest first. No run is lost.
   */
  async recover(): Promise<{ failed: number; requeued: number }> {
    let failed = 0;
    for (let guard = 0; guard < 1000; guard++) {
      const orphans = await this.store.listActive({ status: 'RUNNING' }, STALLED_BATCH);
      if (orphans.length === 0) break;
      for (const run of orphans) {
        if (await this.#failStalled(run, ' (the server stopped while it ran)')) failed++;
      }
    }
    const queued = await this.store.listActive({ status: 'QUEUED' }, 100_000);
    for (const run of queued) this.dispatcher.dispatch(run);
    if (failed || queued.length) {
      this.logger.warn(
        { event: 'recovered', failed, requeued: queued.length },
        'recovered runs left by a previous process',
      );
    }
    return { failed, requeued: queued.length };
  }

  async #failStalled(run: JobRun, why: string, heartbeatBefore?: Date): Promise<JobRun | null> {
    const since = run.lastHeartbeatAt ?? run.startedAt ?? run.queuedAt;
    const done = await this.store.finishRun(
      run.id,
      {
        status: 'FAILED',
        error: { message: `stalled: no heartbeat since ${since}${why}`, code: 'STALLED' },
        ...(heartbeatBefore ? { heartbeatBefore } : {}),
      },
      new Date(),
    );
    if (!done) return null;
    this.events.lifecycle(JOB_EVENT.completed, done, 'stalled-cleanup');
    this.dispatcher.cancel(run.id); // if it is alive here after all, it is told to stop
    return done.run;
  }

  /** Enqueues a run (trigger EVENT) of every job that listens to `name`. */
  async emitEvent(name: string, payload: JsonObject = {}) {
    const outcomes = [];
    for (const job of this.registry.all()) {
      if (!job.input.onEvents?.includes(name)) continue;
      const out = await this.enqueue(
        { jobName: job.definition.name, params: payload },
        { trigger: 'EVENT', triggeredBy: `event:${name}` },
      );
      if (!out.ok)
        this.logger.warn(
          { event: 'event_trigger_refused', name, jobName: job.definition.name, error: out.error.details },
          'event did not enqueue',
        );
      outcomes.push(out);
    }
    return outcomes;
  }
}

function notFound(id: string): Failure {
  return refuse('not-found', apiError('Run not found', `No run #${id}`, false));
}

export function unavailable(why: string, retryAfterSeconds: number): Failure {
  return refuse(
    'unavailable',
    apiError('Service unavailable', `${why}; try again in ${retryAfterSeconds} s`, true),
    retryAfterSeconds,
  );
}

function accepted(run: JobRun): Outcome<{ run: JobRunSummary }> {
  return ok({ run: toSummary(run) });
}
