import type { JsonObject } from '@jobs/contracts';
import { z } from 'zod';
import { defineJob, type JobDefinitionInput } from '../index.js';

/** Resolvers of running `gated` runs, by run id: a test finishes such a run exactly when it wants. */
export const gates = new Map<string, (value: Record<string, unknown>) => void>();

const base = (name: string) => ({ name, description: `test job ${name}`, examples: [`run ${name}`] });

/** Tiny jobs with short sleeps: every runner transition, without the slow demo jobs. */
export const testJobs: JobDefinitionInput[] = [
  defineJob<{ ms: number; n?: number }>({
    ...base('quick'),
    concurrency: 4,
    defaultParams: { ms: 5 },
    params: z.object({ ms: z.number().int().min(0), n: z.number().optional() }).passthrough() as never,
    async run(ctx) {
      await ctx.sleep(ctx.params.ms);
      return { ok: true, n: ctx.params.n ?? null };
    },
  }),
  defineJob<{ ms: number }>({
    ...base('waits'),
    concurrency: 8,
    defaultParams: { ms: 10_000 },
    async run(ctx) {
      ctx.log('info', 'waiting');
      await ctx.sleep(Number(ctx.params.ms));
      return { waited: ctx.params.ms };
    },
  }),
  defineJob<{ batchSize: number; userId?: number }>({
    ...base('validated'),
    concurrency: 4,
    defaultParams: { batchSize: 10 },
    params: z.object({
      batchSize: z.number().int().positive('batchSize must be > 0'),
      userId: z.number().int().optional(),
    }) as never,
    run: async () => ({ done: true }),
  }),
  defineJob<{ ms: number }>({
    ...base('stubborn'),
    concurrency: 4,
    defaultParams: { ms: 1500 },
    async run(ctx) {
      await new Promise((resolve) => setTimeout(resolve, Number(ctx.params.ms))); // ignores the signal
      return { late: true };
    },
  }),
  defineJob({
    ...base('boom'),
    concurrency: 4,
    async run(ctx) {
      await ctx.sleep(5);
      throw Object.assign(new Error('kaput: the database went away'), { code: 'E_KAPUT' });
    },
  }),
  defineJob<{ tenant: string }>({
    ...base('open-params'),
    allowUnknownParams: true,
    params: z.object({ tenant: z.string() }).loose() as never,
    run: async (ctx) => ({ keys: Object.keys(ctx.params).sort().join(',') }),
  }),
  defineJob({
    ...base('long-stack'),
    concurrency: 4,
    run() {
      const err = new Error('kaput, with a stack as long as real ones get');
      err.stack = `Error: kaput\n${'    at deep (/srv/app/node_modules/some/lib/index.js:10:20)\n'.repeat(400)}`;
      throw err;
    },
  }),
  defineJob({
    ...base('slowpoke'),
    timeoutMs: 100,
    concurrency: 4,
    async run(ctx) {
      await ctx.sleep(5000);
    },
  }),
  defineJob({
    ...base('stubborn-timeout'),
    timeoutMs: 100,
    concurrency: 4,
    async run() {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return { late: true };
    },
  }),
  defineJob<{ updates: number; everyMs: number; lines: number }>({
    ...base('chatty'),
    concurrency: 4,
    defaultParams: { updates: 50, everyMs: 5, lines: 3 },
    async run(ctx) {
      const { updates, everyMs, lines } = ctx.params;
      for (let i = 1; i <= lines; i++) ctx.log('info', `line ${i}`);
      for (let i = 1; i <= updates; i++) {
        ctx.progress({
          percent: (i / updates) * 100,
          message: `Processing batch ${i}/${updates}`,
          current: i,
          total: updates,
        });
        if (everyMs > 0) await ctx.sleep(everyMs);
      }
      return { updates };
    },
  }),
  defineJob({
    ...base('pinned'),
    cancellable: false,
    async run(ctx) {
      await ctx.sleep(300);
      return { pinned: true };
    },
  }),
  defineJob({
    ...base('bad-result'),
    run: async () => 42 as never,
  }),
  defineJob<{ ms: number }>({
    ...base('serial'),
    concurrency: 1,
    defaultParams: { ms: 40 },
    async run(ctx) {
      ctx.log('info', `serial ${ctx.runId} starts`);
      await ctx.sleep(Number(ctx.params.ms));
      return { at: Date.now() };
    },
  }),
  defineJob({
    ...base('gated'),
    concurrency: 8,
    async run(ctx) {
      const value = await new Promise<Record<string, never>>((resolve) => {
        gates.set(ctx.runId, resolve as never);
      });
      ctx.log('info', `released ${ctx.runId}`);
      return value;
    },
  }),
  defineJob({
    ...base('ticking'),
    schedules: [{ cron: '* * * * * *', params: { from: 'cron' } }],
    run: async () => ({ ticked: true }),
  }),
  defineJob({
    ...base('listener'),
    onEvents: ['thing.happened'],
    run: async (ctx) => ({ got: ctx.params as JsonObject }),
  }),
];
