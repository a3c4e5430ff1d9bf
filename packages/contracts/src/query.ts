import { z } from 'zod';

/**
 * An integer query parameter: absent → `fallback`; out of [min, max] → clamped; not an integer
 * (`abc`, `1.5`, `Infinity`) → a parse error, which the API answers with 400.
 */
export function clampedInt(min: number, max: number, fallback: number) {
  return z
    .union([z.string(), z.number()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = typeof v === 'number' ? v : Number(v.trim());
      if (!Number.isSafeInteger(n)) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number between ${min} and ${max}` });
        return z.NEVER;
      }
      return Math.min(max, Math.max(min, n));
    });
}

/** A boolean flag in a query string: present with no value, `1` or `true` means true. */
export const QueryFlag = z
  .union([z.string(), z.boolean()])
  .optional()
  .transform((v) => v === true || v === '' || v === '1' || v === 'true');

/** URLSearchParams → a plain object for a query schema (first value of a repeated key wins). */
export function searchParamsToObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [key, value] of params) if (!(key in out)) out[key] = value;
  return out;
}
