import {
  type ApiError,
  apiError,
  apiErrorFromIssues,
  type JobDefinition,
  type JsonObject,
  jsonProblem,
  LIMITS,
} from '@jobs/contracts';
import { Cron } from 'croner';
import { z } from 'zod';
import type { JobDefinitionInput } from './define.js';
import { closestKey, knownKeys } from './unknown-params.js';

export class JobDefinitionError extends Error {
  override name = 'JobDefinitionError';
}

export interface RegisteredJob {
  input: JobDefinitionInput;
  definition: JobDefinition;
  cancellable: boolean;
  concurrency: number;
  /** the keys its params schema names (null: it accepts any key) */
  knownParams: string[] | null;
  allowUnknownParams: boolean;
}

function unknownParam(known: string[] | null, params: JsonObject): ApiError | null {
  if (known === null) return null;
  const key = Object.keys(params).find((k) => !known.includes(k));
  if (key === undefined) return null;
  const shown = JSON.stringify(key.length > 64 ? `${key.slice(0, 64)}…` : key);
  const hint = closestKey(key, known);
  return apiError(
    'Invalid parameters',
    `Unknown parameter ${shown}${hint ? `; did you mean "${hint}"?` : '.'} Known parameters: ${known.join(', ') || '(none)'}`,
    true,
    `parameters.${key.slice(0, 64)}`,
  );
}

export type ParamsResult = { ok: true; params: JsonObject } | { ok: false; error: ApiError };

const NAME = /^[a-z0-9][a-z0-9._-]*$/i;

/** Validates every definition up front and refuses the whole set, naming the job, if one is wrong. */
export class JobRegistry {
  readonly #jobs = new Map<string, RegisteredJob>();

  constructor(inputs: readonly JobDefinitionInput[]) {
    for (const input of inputs) {
      const job = validate(input, this.#jobs);
      this.#jobs.set(job.definition.name, job);
    }
  }

  get(name: string): RegisteredJob | undefined {
    return this.#jobs.get(name);
  }

  all(): RegisteredJob[] {
    return [...this.#jobs.values()];
  }

  definitions(): JobDefinition[] {
    return this.all().map((j) => j.definition);
  }

  /**
   * Params merged over the defaults, then checked by the job's schema: 400-ready errors. A key the
   * schema does not name is refused (with the closest known key as a hint) instead of dropped, so
   * a typo never silently runs the job without it; `allowUnknownParams` opts out.
   */
  parseParams(job: RegisteredJob, params: JsonObject): ParamsResult {
    const merged: JsonObject = { ...(job.input.defaultParams ?? {}), ...params };
    const schema = job.input.params;
    if (!schema) return { ok: true, params: merged };
    const unknown = job.allowUnknownParams ? null : unknownParam(job.knownParams, params);
    if (unknown) return { ok: false, error: unknown };
    const result = schema.safeParse(merged);
    if (!result.success) {
      return {
        ok: false,
        error: apiErrorFromIssues('Invalid parameters', result.error.issues, 'parameters'),
      };
    }
    const problem = jsonProblem(result.data);
    if (problem)
      return {
        ok: false,
        error: apiErrorFromIssues('Invalid parameters', [{ path: [], message: problem }], 'parameters'),
      };
    return { ok: true, params: result.data as JsonObject };
  }
}

function fail(name: string, why: string): never {
  throw new JobDefinitionError(`Job "${name}": ${why}`);
}

function validate(input: JobDefinitionInput, seen: Map<string, RegisteredJob>): RegisteredJob {
  const name = typeof input?.name === 'string' ? input.name : '(unnamed)';
  if (!input || typeof input !== 'object') fail(name, 'definition must be an object');
  if (!input.name || !NAME.test(input.name) || input.name.length > LIMITS.nameMax)
    fail(name, 'name must be letters, digits, ".", "_" or "-"');
  if (seen.has(input.name)) fail(name, 'duplicate name: another job is registered under it');
  if (typeof input.description !== 'string' || input.description.trim() === '')
    fail(name, 'description is required');
  if (!Array.isArray(input.examples) || input.examples.length === 0 || input.examples.some((e) => !e?.trim()))
    fail(name, 'at least one example is required');
  if (typeof input.run !== 'function') fail(name, 'run(ctx) must be a function');
  if (input.timeoutMs !== undefined && !(Number.isInteger(input.timeoutMs) && input.timeoutMs > 0))
    fail(name, 'timeoutMs must be a positive integer');
  const concurrency = input.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) fail(name, 'concurrency must be an integer ≥ 1');
  if (input.stallRetries !== undefined && !(Number.isInteger(input.stallRetries) && input.stallRetries >= 0))
    fail(name, 'stallRetries must be an integer ≥ 0');

  let defaultParams: JsonObject | undefined;
  if (input.defaultParams !== undefined) {
    const problem =
      typeof input.defaultParams !== 'object' ||
      input.defaultParams === null ||
      Array.isArray(input.defaultParams)
        ? 'not an object'
        : jsonProblem(input.defaultParams);
    if (problem) fail(name, `defaultParams must be JSON-serializable (${problem})`);
    defaultParams = input.defaultParams;
    const parsed = input.params?.safeParse(defaultParams);
    if (parsed && !parsed.success)
      fail(name, `defaultParams are not valid against the params schema: ${summarize(parsed.error.issues)}`);
  }

  let paramsSchema: JsonObject | undefined;
  if (input.params) {
    try {
      paramsSchema = z.toJSONSchema(input.params, { unrepresentable: 'any', io: 'input' }) as JsonObject;
    } catch (err) {
      fail(name, `params schema cannot be published as JSON Schema (${(err as Error).message})`);
    }
  }
  for (const schedule of input.schedules ?? []) {
    try {
      new Cron(schedule.cron, { paused: true }).stop();
    } catch (err) {
      fail(name, `schedule "${schedule.cron}" is not a valid cron pattern (${(err as Error).message})`);
    }
  }

  const knownParams = knownKeys(input.params);
  const allowUnknownParams = input.allowUnknownParams === true;
  // The published schema says what enqueue enforces: no keys beyond the named ones.
  if (paramsSchema && knownParams !== null && !allowUnknownParams && paramsSchema.type === 'object') {
    paramsSchema.additionalProperties = false;
  }

  const cancellable = input.cancellable ?? true;
  const definition: JobDefinition = {
    id: input.name,
    name: input.name,
    description: input.description,
    examples: [...input.examples],
    ...(defaultParams ? { defaultParams } : {}),
    ...(paramsSchema ? { paramsSchema } : {}),
    cancellable,
  };
  return {
    input,
    definition,
    cancellable,
    concurrency,
    knownParams,
    allowUnknownParams,
  };
}

function summarize(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
