import { z } from 'zod';

const Count = z.number().int().nonnegative();

export const JobStats = z.object({
  active: Count,
  queued: Count,
  last24h: z.object({ total: Count, success: Count, failed: Count, cancelled: Count }),
  asOf: z.iso.datetime({ offset: true }),
});
export type JobStats = z.infer<typeof JobStats>;
