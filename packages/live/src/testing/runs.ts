import type { JobRunSummary } from '@jobs/contracts';

export const T0 = Date.parse('2026-01-08T10:00:00.000Z');
export const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Overrides that turn the shared builder's finished run (`makeSummary` from
 * `@jobs/contracts/testing`) into one just queued at T0: what a server model starts from.
 */
export const justQueued = {
  status: 'QUEUED',
  algorithmVersion: null,
  params: { userId: 8 },
  metadata: null,
  queuedAt: iso(T0),
  startedAt: null,
  finishedAt: null,
  lastHeartbeatAt: null,
  durationMs: null,
  queueDelayMs: null,
  version: 1,
} satisfies Partial<JobRunSummary>;
