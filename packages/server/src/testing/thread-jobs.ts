import { defineJob } from '../jobs/define.js';

/**
 * Jobs for the worker-thread tests, in a module of their own: a thread loads it by URL, so it
 * imports nothing but `defineJob` (no store, no server).
 */
const base = (name: string) => ({ name, description: `thread test job ${name}`, examples: [`run ${name}`] });

/** Busy-waits the CPU for `ms` without yielding once: the event loop of whoever runs it is frozen. */
function spin(ms: number): number {
  const until = Date.now() + ms;
  let n = 0;
  while (Date.now() < until) n++;
  return n;
}

export const spinJob = defineJob<{ ms: number }>({
  ...base('spin'),
  concurrency: 4,
  defaultParams: { ms: 5000 },
  run(ctx) {
    ctx.progress({ percent: 0, message: 'spinning' });
    return { loops: spin(Number(ctx.params.ms)) > 0 };
  },
});

export const tickerJob = defineJob<{ ticks: number; everyMs: number }>({
  ...base('ticker'),
  concurrency: 8,
  defaultParams: { ticks: 20, everyMs: 50 },
  async run(ctx) {
    const { ticks, everyMs } = ctx.params;
    ctx.log('info', `ticking ${ticks} times in ${ctx.runId}`);
    for (let i = 1; i <= ticks; i++) {
      await ctx.sleep(Number(everyMs));
      ctx.progress({ current: i, total: ticks, percent: (i / ticks) * 100 });
    }
    return { ticks, thread: 'worker' };
  },
});

export const crashJob = defineJob({
  ...base('crash'),
  concurrency: 4,
  async run(ctx) {
    ctx.log('info', 'about to crash the thread');
    await ctx.sleep(20);
    // thrown outside the job's promise: nobody can catch it, the whole thread goes down
    setTimeout(() => {
      throw new Error('uncaught in the job thread');
    }, 0);
    await ctx.sleep(10_000);
  },
});

export const exitJob = defineJob({
  ...base('exits'),
  concurrency: 4,
  async run() {
    process.exit(3);
  },
});

export const failJob = defineJob({
  ...base('fails'),
  concurrency: 4,
  async run() {
    throw Object.assign(new Error('kaput in a thread'), { code: 'E_THREAD' });
  },
});

export const sleepyJob = defineJob<{ ms: number }>({
  ...base('sleepy'),
  concurrency: 4,
  defaultParams: { ms: 10_000 },
  async run(ctx) {
    await ctx.sleep(Number(ctx.params.ms));
    return { slept: true };
  },
});

/** ignores its signal in a loop that never yields: only terminating its thread stops it */
export const stuckJob = defineJob({
  ...base('stuck'),
  concurrency: 4,
  timeoutMs: 200,
  run() {
    spin(60_000);
    return { unreachable: true };
  },
});
