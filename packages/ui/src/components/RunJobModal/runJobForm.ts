import type { ApiError, JobDefinition, JsonObject } from '@jobs/contracts';
import { z } from 'zod';
import { checkJsonSyntax } from './jsonSyntax.js';

/** What the form holds: both fields are text, as a `<Form>` without JavaScript would post them. */
export interface RunJobFormValues {
  jobName: string;
  params: string;
}

/** Empty text means "no parameters" rather than a syntax error. */
export function parseParamsText(
  text: string,
): { ok: true; params: JsonObject } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, params: {} };
  const result = checkJsonSyntax(text);
  if (!result.ok) {
    return {
      ok: false,
      message: `Invalid JSON at line ${result.line}, column ${result.column}: ${result.message}`,
    };
  }
  const value = result.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'Parameters must be a JSON object, like {"userId": 8}' };
  }
  return { ok: true, params: value };
}

/** Client-side checks only: a job is chosen and the params are JSON syntax (the server validates the rest against the job's schema). */
export const runJobFormSchema = z.object({
  jobName: z.string().min(1, 'Choose a job to run'),
  params: z.string().superRefine((text, ctx) => {
    const parsed = parseParamsText(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  }),
});

export function defaultParamsText(definition: JobDefinition | undefined): string | null {
  if (!definition?.defaultParams) return null;
  return JSON.stringify(definition.defaultParams, null, 2);
}

export type ServerErrorPlacement = 'params' | 'jobName' | 'form';

/**
 * Where a server ApiError belongs: `parameters` or `parameters.batchSize` on the params field,
 * `jobName` on the picker, anything else — or an error retrying cannot fix — above the buttons.
 */
export function placeServerError(error: ApiError): ServerErrorPlacement {
  if (!error.retryable || !error.field) return 'form';
  if (error.field === 'jobName') return 'jobName';
  if (/^(parameters|params)(\.|\[|$)/.test(error.field)) return 'params';
  return 'form';
}

/** `parameters.batchSize` → `batchSize`, so the message names the key people typed. */
export function paramPath(field: string | undefined): string | null {
  if (!field) return null;
  const rest = field.replace(/^(parameters|params)\.?/, '');
  return rest === '' || rest === field ? null : rest;
}
