import type { JobProgress, JsonObject, LogLevel } from '@jobs/contracts';
import type { z } from 'zod';

/** What a job's `run` receives. Heartbeats are sent for it while the run is alive. */
export interface JobContext<P = Record<string, unknown>> {
  runId: string;
  jobName: string;
  attempt: number;
  /** validated against the job's `params` schema, defaults applied */
  params: P;
  /** fired on cancel (reason `CancelledError`) or timeout (reason `TimeoutError`) */
  signal: AbortSignal;
  /** coalesced: at most one event (and one write) per run per 100 ms, the last value always kept */
  progress(progress: JobProgress): void;
  log(level: LogLevel, message: string): void;
  /** resolves after `ms`, or rejects with the signal's reason as soon as the run is cancelled */
  sleep(ms: number): Promise<void>;
  /** throws the signal's reason if the run was cancelled or timed out */
  throwIfAborted(): void;
}

export interface JobSchedule {
  /** a cron pattern (croner syntax, 5 or 6 fields) */
  cron: string;
  params?: JsonObject;
}

export interface JobDefinitionInput<P = Record<string, unknown>> {
  name: string;
  description: string;
  /** at least one: how to run it (shown in the Run Job modal) */
  examples: string[];
  defaultParams?: JsonObject;
  /** zod schema of the params; its JSON Schema is published in `/definitions` */
  params?: z.ZodType<P>;
  /**
   * Keys the params schema does not name are refused with 400 (and a "did you mean" hint) unless
   * this is true (or the schema itself accepts any key, e.g. `.passthrough()`); the schema then
   * decides what becomes of them.
   */
  allowUnknownParams?: boolean;
  /** default true */
  cancellable?: boolean;
  timeoutMs?: number;
  /** how many runs of this job may run at once (default 1); the global limit applies too */
  concurrency?: number;
  /**
   * Runs declared stalled (their worker stopped heartbeating: killed, frozen, cut off) are enqueued
   * again, as a new attempt (trigger RETRY), this many times at most (default 0: a stalled run just
   * ends FAILED `STALLED`). Each stall gives exactly one new attempt, whichever node declared it.
   * Only set it for jobs that may run twice.
   */
  stallRetries?: number;
  /** cron schedules enqueueing runs with trigger CRON */
  schedules?: JobSchedule[];
  /** event names that enqueue a run with trigger EVENT (see `emit` on the started server) */
  onEvents?: string[];
  scope?: string;
  algorithmVersion?: string;
  /** the value it returns becomes the run's `metadata` (a JSON object, or nothing) */
  // biome-ignore lint/suspicious/noConfusingVoidType: a job may simply return nothing
  run(ctx: JobContext<P>): Promise<JsonObject | undefined | void> | JsonObject | undefined | void;
}

/** Types a job definition against its params schema; the registry validates it at startup. */
export function defineJob<P = Record<string, unknown>>(
  definition: JobDefinitionInput<P>,
): JobDefinitionInput {
  return definition as unknown as JobDefinitionInput;
}
