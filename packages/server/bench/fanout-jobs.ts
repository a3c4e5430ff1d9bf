/**
 * The job the fan-out benchmark runs on its API/worker node: progress every `everyMs` for
 * `seconds`, each value stamped with the time it was reported (same machine, same clock).
 */
export const emitter = {
  name: 'emitter',
  description: 'Reports progress every everyMs for seconds, stamped with Date.now()',
  examples: ['{"seconds": 10, "everyMs": 100}'],
  defaultParams: { seconds: 10, everyMs: 100 },
  concurrency: 1000,
  async run(ctx: {
    params: Record<string, unknown>;
    sleep(ms: number): Promise<void>;
    progress(p: { message?: string; current?: number }): void;
  }) {
    const until = Date.now() + Number(ctx.params.seconds) * 1000;
    let i = 0;
    while (Date.now() < until) {
      ctx.progress({ message: String(Date.now()), current: ++i });
      await ctx.sleep(Number(ctx.params.everyMs));
    }
    return { reported: i };
  },
};
