import type { JobRunSummary } from '@jobs/contracts';

export const T0 = Date.parse('2026-01-08T10:00:00.000Z');
export const iso = (ms: number): string => new Date(ms).toISOString();

/** A valid JobRunSummary (contract shape) with sensible defaults. */
export function summary(overrides: Partial<JobRunSummary> = {}): JobRunSummary {
  return {
    id: '1',
    jobName: 'match-scores',
    status: 'QUEUED',
    trigger: 'MANUAL',
    triggeredBy: 'admin@example.com',
    scope: null,
    algorithmVersion: null,
    params: { userId: 8 },
    metadata: null,
    paramsTruncated: false,
    metadataTruncated: false,
    error: null,
    progress: null,
    queuedAt: iso(T0),
    startedAt: null,
    finishedAt: null,
    lastHeartbeatAt: null,
    cancelRequestedAt: null,
    durationMs: null,
    queueDelayMs: null,
    attempt: 1,
    retryOf: null,
    version: 1,
    ...overrides,
  };
}
