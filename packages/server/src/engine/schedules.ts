import { Cron } from 'croner';
import type { JobRegistry } from '../jobs/registry.js';
import type { Logger } from '../logger.js';
import type { JobsService } from './service.js';

/**
 * Cron schedules (croner): each tick enqueues a run with trigger CRON.
 *
 * `onceAcrossNodes` (nodes sharing one PostgreSQL store, each with the same schedules): every
 * node's tick enqueues with the idempotency key `cron:<job>:<schedule>:<tick time>`, the time the
 * pattern named (not the moment the timer fired), so the first node's insert creates the run and
 * the others' are replays of it: one run per tick cluster-wide, with no leader to elect or lose.
 * Clocks that differ by less than the schedule's interval name the same tick.
 */
export function startSchedules(
  registry: JobRegistry,
  service: JobsService,
  logger: Logger,
  options: { onceAcrossNodes?: boolean } = {},
): { stop(): void } {
  const crons: Cron[] = [];
  for (const job of registry.all()) {
    (job.input.schedules ?? []).forEach((schedule, index) => {
      const cron: Cron = new Cron(
        schedule.cron,
        { protect: true, catch: (err) => logger.error({ err: String(err) }, 'schedule failed') },
        async () => {
          const out = await service.enqueue(
            {
              jobName: job.definition.name,
              params: schedule.params ?? {},
              idempotencyKey: options.onceAcrossNodes
                ? `cron:${job.definition.name}:${index}:${tickOf(cron).toISOString()}`
                : undefined,
            },
            { trigger: 'CRON', triggeredBy: `cron:${schedule.cron}` },
          );
          if (!out.ok)
            logger.warn({ jobName: job.definition.name, error: out.error.details }, 'scheduled run refused');
        },
      );
      crons.push(cron);
      logger.info(
        { jobName: job.definition.name, cron: schedule.cron, next: cron.nextRun()?.toISOString() },
        'schedule registered',
      );
    });
  }
  return {
    stop: () => {
      for (const cron of crons) cron.stop();
    },
  };
}

/** The time the pattern named for the tick firing now (a timer fires a little after it, late under load). */
function tickOf(cron: Cron): Date {
  const now = Date.now();
  return cron.previousRuns(1, new Date(now + 1))[0] ?? new Date(Math.floor(now / 1000) * 1000);
}

/** Calls `fire` on a cron pattern (the demo's stand-in for an external event source). */
export function every(pattern: string, fire: () => Promise<unknown>, logger: Logger): { stop(): void } {
  const cron = new Cron(
    pattern,
    { protect: true, catch: (err) => logger.error({ err: String(err) }, 'timer failed') },
    async () => {
      await fire();
    },
  );
  return { stop: () => cron.stop() };
}
