import { z } from 'zod';
import { jsonProblem } from './json-value.js';

export { isJsonObject, jsonBytes, jsonProblem } from './json-value.js';

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A JSON object (params, metadata): plain, finite, bounded depth, no prototype keys. Passed through, not copied. */
export const JsonObject = z
  .custom<JsonObject>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
    message: 'must be a JSON object',
  })
  .superRefine((v, ctx) => {
    const problem = jsonProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
