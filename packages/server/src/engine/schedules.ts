import { Cron } from 'croner';
import type { JobRegistry } from '../jobs/registry.js';
import type { Logger } from '../logger.js';
import type { JobsService } from './service.js';

/** Cron schedules (croner): each tick enqueues a run with trigger CRON. */
export function startSchedules(
  registry: JobRegistry,
  service: JobsService,
  logger: Logger,
): { stop(): void } {
  const crons: Cron[] = [];
  for (const job of registry.all()) {
    for (const schedule of job.input.schedules ?? []) {
      const cron = new Cron(
        schedule.cron,
        { protect: true, catch: (err) => logger.error({ err: String(err) }, 'schedule failed') },
        async () => {
          const out = await service.enqueue(
            { jobName: job.definition.name, params: schedule.params ?? {} },
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
    }
  }
  return {
    stop: () => {
      for (const cron of crons) cron.stop();
    },
  };
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
