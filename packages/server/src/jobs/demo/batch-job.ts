import type { JsonObject } from '@jobs/contracts';
import { z } from 'zod';
import { defineJob, type JobDefinitionInput, type JobSchedule } from '../define.js';

/** Params every demo job takes: how to size the work, and how to make it slow or fail. */
const common = {
  batchSize: z.number().int().positive('batchSize must be > 0').max(100_000),
  /** pause per batch, standing in for real work */
  pauseMs: z.number().int().min(0).max(60_000),
  /** makes every batch ten times slower */
  slow: z.boolean(),
  /** fails halfway, as a real dependency would */
  fail: z.boolean(),
};

type DemoParams = {
  batchSize: number;
  pauseMs: number;
  slow: boolean;
  fail: boolean;
  items: number;
} & Record<string, unknown>;

export interface BatchJobSpec {
  name: string;
  description: string;
  /** the thing counted: `users`, `files`, … (metadata gets `<unit>Processed`) */
  unit: string;
  /** how many of them a run goes through */
  items: number;
  batchSize: number;
  pauseMs: number;
  /** job-specific params (with their defaults in `extraDefaults`) */
  extra?: z.ZodRawShape;
  extraDefaults?: JsonObject;
  /** job-specific metrics added to the metadata on success */
  metrics?: (processed: number, params: Record<string, unknown>) => JsonObject;
  failure?: { code: string; message: string };
  schedules?: JobSchedule[];
  onEvents?: string[];
  timeoutMs?: number;
  cancellable?: boolean;
  algorithmVersion?: string;
  /** the example command's extra flags */
  exampleFlags?: string;
}

/**
 * A demo job with realistic behaviour: batches over a few seconds to a minute, progress with
 * "Processing batch 3/5", log lines, metadata on success, and params to make it slow or fail.
 */
export function batchJob(spec: BatchJobSpec): JobDefinitionInput {
  const schema = z.object({
    ...common,
    ...(spec.extra ?? {}),
    items: z.number().int().min(0).max(10_000_000),
  });
  const defaultParams: JsonObject = {
    batchSize: spec.batchSize,
    pauseMs: spec.pauseMs,
    slow: false,
    fail: false,
    items: spec.items,
    ...(spec.extraDefaults ?? {}),
  };
  return defineJob<DemoParams>({
    name: spec.name,
    description: spec.description,
    examples: [
      `tsx scripts/runJobs.ts ${spec.name} --batchSize=${spec.batchSize}${spec.exampleFlags ? ` ${spec.exampleFlags}` : ''}`,
      `curl -X POST $JOBS_API_URL/api/admin/jobs/enqueue -H "Authorization: Bearer $JOBS_API_TOKEN" -H "Content-Type: application/json" -d '{"jobName":"${spec.name}","params":{"slow":true}}'`,
    ],
    defaultParams,
    params: schema as unknown as z.ZodType<DemoParams>,
    ...(spec.schedules ? { schedules: spec.schedules } : {}),
    ...(spec.onEvents ? { onEvents: spec.onEvents } : {}),
    ...(spec.timeoutMs ? { timeoutMs: spec.timeoutMs } : {}),
    ...(spec.cancellable === false ? { cancellable: false } : {}),
    algorithmVersion: spec.algorithmVersion ?? 'v1.2.3',
    async run(ctx) {
      const p = ctx.params;
      const total = p.items;
      const batches = Math.max(1, Math.ceil(total / p.batchSize));
      const failAt = Math.ceil(batches / 2);
      const started = Date.now();
      ctx.log('info', `Starting ${spec.name}: ${total} ${spec.unit} in ${batches} batches of ${p.batchSize}`);
      let processed = 0;
      for (let batch = 1; batch <= batches; batch++) {
        await ctx.sleep(p.pauseMs * (p.slow ? 10 : 1));
        if (p.fail && batch === failAt) {
          const failure = spec.failure ?? { code: 'DB_TIMEOUT', message: 'Database timeout' };
          ctx.log('error', `${failure.message} while writing batch ${batch}/${batches}`);
          throw Object.assign(new Error(`${failure.message} while writing batch ${batch}/${batches}`), {
            code: failure.code,
          });
        }
        processed = Math.min(total, processed + p.batchSize);
        ctx.progress({
          percent: Math.round((batch / batches) * 100),
          message: `Processing batch ${batch}/${batches}`,
          current: batch,
          total: batches,
        });
        if (batch === 1 || batch % 5 === 0 || batch === batches) {
          ctx.log('info', `Batch ${batch}/${batches} done: ${processed}/${total} ${spec.unit}`);
        } else {
          ctx.log('debug', `Batch ${batch}/${batches}: ${p.batchSize} ${spec.unit}`);
        }
        if (batch === 2 && batches > 3)
          ctx.log('warn', `Batch 2/${batches}: 3 ${spec.unit} skipped (missing data)`);
      }
      const elapsed = Date.now() - started;
      return {
        [`${spec.unit}Processed`]: processed,
        batches,
        averageBatchMs: Math.round(elapsed / batches),
        ...(spec.metrics ? spec.metrics(processed, p) : {}),
      };
    },
  });
}
