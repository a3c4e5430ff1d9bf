/**
 * The jobs the cluster tests run (JOBS_MODULE of every node). Plain definition objects, so the
 * module imports nothing.
 */
type Ctx = {
  params: Record<string, unknown>;
  attempt: number;
  sleep(ms: number): Promise<void>;
  progress(p: { percent?: number; message?: string }): void;
};

export const sleepy = {
  name: 'sleepy',
  description: 'Sleeps for ms milliseconds, reporting progress every 100 ms',
  examples: ['{"ms": 5000}'],
  defaultParams: { ms: 1000 },
  concurrency: 100,
  async run(ctx: Ctx) {
    const ms = Number(ctx.params.ms ?? 1000);
    const started = Date.now();
    while (Date.now() - started < ms) {
      await ctx.sleep(Math.min(100, ms));
      ctx.progress({ percent: Math.min(100, Math.round(((Date.now() - started) / ms) * 100)) });
    }
    return { sleptMs: Date.now() - started };
  },
};

export const pair = {
  name: 'pair',
  description: 'Sleeps for ms milliseconds; at most two runs at once across the cluster',
  examples: ['{"ms": 1500}'],
  defaultParams: { ms: 1500 },
  concurrency: 2,
  async run(ctx: Ctx) {
    await ctx.sleep(Number(ctx.params.ms ?? 1500));
  },
};

export const noop = {
  name: 'noop',
  description: 'Does nothing (throughput)',
  examples: ['{}'],
  concurrency: 1000,
  run() {},
};

export const sleepyRetried = {
  name: 'sleepy-retried',
  description:
    'Sleeps for ms milliseconds on its first attempt, 200 ms on a later one; a stall gives it one new attempt',
  examples: ['{"ms": 5000}'],
  defaultParams: { ms: 1000 },
  concurrency: 100,
  stallRetries: 1,
  async run(ctx: Ctx) {
    await ctx.sleep(ctx.attempt > 1 ? 200 : Number(ctx.params.ms ?? 1000));
  },
};

export const everySecond = {
  name: 'every-second',
  description: 'Does nothing, on a schedule of every second (only where schedules are on)',
  examples: ['{}'],
  concurrency: 100,
  schedules: [{ cron: '* * * * * *' }],
  run() {},
};
