import type { JobContext } from '../jobs/define.js';
import type { RegisteredJob } from '../jobs/registry.js';

/** Where a job's own code runs. The runner keeps the run's state, store writes and timers. */
export interface JobInvoker {
  /** runs the job's code for one run: resolves with what it returns, rejects with what it throws */
  invoke(job: RegisteredJob, ctx: JobContext): Promise<unknown>;
  /** the run was given up on: whatever still runs its code is stopped if it can be */
  abandon(runId: string): void;
  close(): Promise<void>;
}

/** In the caller's own thread: for definitions given as objects, which no other thread can load. */
export const inlineInvoker: JobInvoker = {
  invoke: async (job, ctx) => job.input.run(ctx),
  abandon: () => {},
  close: async () => {},
};
