import * as v from 'valibot';
import { isJsonObject } from '../json-value.js';

/** What the browser calls: the same `parse`/`safeParse` as the zod schemas, without zod's full build. */
export interface LightParser<T> {
  /** The value (unknown keys dropped, as zod drops them), or throws an `Error` naming the first problem. */
  parse(value: unknown): T;
  safeParse(value: unknown): { success: true; data: T; error?: undefined } | { success: false; error: Error };
}

/**
 * Wraps a valibot schema. `T` is the zod schema's type: light.test.ts proves both accept and
 * reject the same values, so the cast states a checked fact.
 */
/** zod's `parse` beside a `safeParse`: the value, or the refusal thrown. */
function withParse<T>(safeParse: LightParser<T>['safeParse']): LightParser<T> {
  return {
    safeParse,
    parse(value) {
      const result = safeParse(value);
      if (!result.success) throw result.error;
      return result.data;
    },
  };
}

export function lightParser<T>(schema: v.GenericSchema): LightParser<T> {
  const safeParse: LightParser<T>['safeParse'] = (value) => {
    const result = v.safeParse(schema, value);
    if (result.success) return { success: true, data: result.output as T };
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.');
    return { success: false, error: new Error(path ? `${path}: ${issue.message}` : issue.message) };
  };
  return withParse(safeParse);
}

/**
 * zod's discriminated union: the value's `key` picks the one schema that must match; an unknown or
 * missing key is refused. (One lookup, not a try of every option: progress arrives thousands a second.)
 */
export function discriminatedParser<T>(
  key: string,
  options: Record<string, v.GenericSchema>,
): LightParser<T> {
  const parsers = new Map(Object.entries(options).map(([k, schema]) => [k, lightParser<T>(schema)]));
  const refuse = (message: string) => ({ success: false as const, error: new Error(message) });
  const safeParse: LightParser<T>['safeParse'] = (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse('not an object');
    const tag = (value as Record<string, unknown>)[key];
    const parser = typeof tag === 'string' ? parsers.get(tag) : undefined;
    return parser ? parser.safeParse(value) : refuse(`${key}: not one of ${[...parsers.keys()].join(', ')}`);
  };
  return withParse(safeParse);
}

// The zod behaviours the light schemas copy, in one place each.

/** zod's `z.object`: a non-null, non-array object; unknown keys are dropped. */
export function object<S extends v.ObjectEntries>(entries: S) {
  return v.pipe(
    v.custom<object>((x) => typeof x === 'object' && x !== null && !Array.isArray(x)),
    v.object(entries),
  );
}

/** zod 4's `z.number()` refuses NaN and ±Infinity. */
export const finiteNumber = () => v.pipe(v.number(), v.finite());
/** zod 4's `.int()`: a safe integer. */
export const int = () => v.pipe(v.number(), v.safeInteger());
export const intAtLeast = (min: number) => v.pipe(v.number(), v.safeInteger(), v.minValue(min));

export const stringBetween = (min: number, max: number) =>
  v.pipe(v.string(), v.minLength(min), v.maxLength(max));

/**
 * zod's `z.iso.datetime({ offset: true })`, the same pattern (light.test.ts compares it with the
 * one zod builds): a real calendar date, `T`, seconds, optional fraction, `Z` or an offset.
 */
export const ISO_DATETIME =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;
export const isoDateTime = () => v.pipe(v.string(), v.regex(ISO_DATETIME));

/** The contract's `JsonObject`: plain, finite, bounded depth, no prototype keys. */
export const jsonObject = () => v.custom<object>(isJsonObject, 'must be a JSON object');
