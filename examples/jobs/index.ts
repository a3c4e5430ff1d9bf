// Your first job: `JOBS_MODULE=./examples/jobs/index.ts npm start` (or any node of a cluster).
// Every export made with defineJob is loaded; the demo jobs are replaced by these.
import { defineJob } from '@jobs/server';
import { z } from 'zod';

export const greet = defineJob({
  name: 'greet',
  description: 'Says hello a few times',
  examples: ['{"name": "Ada", "times": 3}'],
  defaultParams: { name: 'world', times: 3 },
  params: z.object({ name: z.string().min(1), times: z.number().int().min(1).max(100) }),
  concurrency: 2, // at most 2 runs at once, across every worker of a cluster
  async run(ctx) {
    for (let i = 1; i <= ctx.params.times; i++) {
      await ctx.sleep(500); // rejects at once when the run is cancelled
      ctx.progress({ percent: (i / ctx.params.times) * 100, message: `hello ${i}` });
      ctx.log('info', `hello, ${ctx.params.name}`);
    }
    return { greeted: ctx.params.name };
  },
});
