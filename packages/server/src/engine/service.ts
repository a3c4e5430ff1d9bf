import {
  type ApiError,
  apiError,
  type BulkCancelRequest,
  type BulkCancelResponse,
  type BulkEnqueueRequest,
  type BulkEnqueueResponse,
  isActive,
  JOB_EVENT,
  type JobRun,
  type JobRunSummary,
  type JobTrigger,
  type JsonObject,
  toSummary,
} from '@jobs/contracts';
import type { JobRegistry } from '../jobs/registry.js';
import type { Logger } from '../logger.js';
import type { JobStore } from '../store/types.js';
import type { Dispatcher } from './dispatcher.js';
import type { JobEvents } from './events.js';

/** An answer the HTTP layer sends as is: a body, or an ApiError (with extra fields such as `run`). */
export type Outcome<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; error: ApiError & Record<string, unknown> };

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
export class JobsService {
  constructor(
    readonly store: JobStore,
    readonly registry: JobRegistry,
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
      return fail(
        404,
        apiError('Unknown job', `No job named "${input.jobName}" is registered`, false, 'jobName'),
      );
    }
    const parsed = this.registry.parseParams(job, input.params);
    if (!parsed.ok) return fail(400, parsed.error);
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
        return fail(409, {
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
      return { ok: true, status: 201, body: { run: toSummary(inserted.run), replayed: true } };
    }
    this.events.lifecycle(JOB_EVENT.queued, inserted, actor.triggeredBy);
    this.dispatcher.dispatch(inserted.run);
    return { ok: true, status: 201, body: { run: toSummary(inserted.run), replayed: false } };
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
        return fail(409, {
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
    return fail(409, {
      ...apiError('Run already finished', `Run #${run.id} already finished with ${run.status}`, false),
      run: toSummary(run),
    });
  }

  async retry(id: string, actor: string | null): Promise<Outcome<{ run: JobRunSummary }>> {
    const original = await this.store.getRun(id);
    if (!original) return notFound(id);
    if (isActive(original.status)) {
      return fail(409, {
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
      return fail(
        404,
        apiError(
          'Unknown job',
          `No job named "${original.jobName}" is registered any more`,
          false,
          'jobName',
        ),
      );
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
    if (inserted.replayed) return { ok: true, status: 201, body: { run: toSummary(inserted.run) } };
    this.events.lifecycle(JOB_EVENT.queued, inserted, actor);
    this.dispatcher.dispatch(inserted.run);
    return { ok: true, status: 201, body: { run: toSummary(inserted.run) } };
  }

  async bulkCancel(request: BulkCancelRequest, actor: string | null): Promise<BulkCancelResponse> {
    const ids =
      'ids' in request ? request.ids : (await this.store.listActive(request.filter, 500)).map((r) => r.id);
    const results: BulkCancelResponse['results'] = [];
    for (const id of ids) {
      const out = await this.cancel(id, actor);
      results.push(
        out.ok ? { id, ok: true } : { id, ok: false, error: `${out.error.error}: ${out.error.details}` },
      );
    }
    return { results };
  }

  async bulkEnqueue(request: BulkEnqueueRequest, actor: Actor): Promise<BulkEnqueueResponse> {
    const results: BulkEnqueueResponse['results'] = [];
    for (const item of request.items) {
      const out = await this.enqueue(item, actor);
      results.push(
        out.ok
          ? { ok: true, run: out.body.run }
          : { ok: false, error: `${out.error.error}: ${out.error.details}` },
      );
    }
    return { results };
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

function fail(
  status: number,
  error: ApiError & Record<string, unknown>,
): { ok: false; status: number; error: ApiError & Record<string, unknown> } {
  return { ok: false, status, error };
}

function notFound(id: string) {
  return fail(404, apiError('Run not found', `No run #${id}`, false));
}

function accepted(run: JobRun): Outcome<{ run: JobRunSummary }> {
  return { ok: true, status: 202, body: { run: toSummary(run) } };
}
