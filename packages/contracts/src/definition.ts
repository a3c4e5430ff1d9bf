import { z } from 'zod';
import { JsonObject } from './json.js';
import { LIMITS } from './limits.js';

export const JobDefinition = z.object({
  id: z.string().min(1).max(LIMITS.nameMax),
  name: z.string().min(1).max(LIMITS.nameMax),
  description: z.string().min(1),
  examples: z.array(z.string()).min(1),
  defaultParams: JsonObject.optional(),
  /** JSON Schema of the params, for server validation and, later, forms. */
  paramsSchema: JsonObject.optional(),
  cancellable: z.boolean(),
});
export type JobDefinition = z.infer<typeof JobDefinition>;
