import type { JobRunSummary } from '@jobs/contracts';

export interface Bucket {
  /** start of the hour, ISO */
  at: string;
  success: number;
  failed: number;
  cancelled: number;
}

/** Finished runs per hour over the 24 hours before `now` (oldest first). */
export function throughputBuckets(runs: readonly JobRunSummary[], now: Date): Bucket[] {
  const hour = 3_600_000;
  const end = Math.floor(now.getTime() / hour) * hour + hour;
  const buckets: Bucket[] = Array.from({ length: 24 }, (_, i) => ({
    at: new Date(end - (24 - i) * hour).toISOString(),
    success: 0,
    failed: 0,
    cancelled: 0,
  }));
  for (const run of runs) {
    if (!run.finishedAt) continue;
    const index = 23 - Math.floor((end - 1 - Date.parse(run.finishedAt)) / hour);
    const bucket = buckets[index];
    if (!bucket) continue;
    if (run.status === 'SUCCESS') bucket.success++;
    else if (run.status === 'FAILED') bucket.failed++;
    else if (run.status === 'CANCELLED') bucket.cancelled++;
  }
  return buckets;
}
