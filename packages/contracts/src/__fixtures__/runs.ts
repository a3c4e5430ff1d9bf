import type { JobRun } from '../run.js';

export const AT = '2026-01-08T10:23:45.000Z';

export function makeRun(overrides: Partial<JobRun> = {}): JobRun {
  return {
    id: '12846',
    jobName: 'match-scores',
    status: 'SUCCESS',
    trigger: 'MANUAL',
    triggeredBy: 'admin@example.com',
    scope: null,
    algorithmVersion: 'v1.2.3',
    params: { userId: 8, batchSize: 100 },
    metadata: { usersProcessed: 1250 },
    error: null,
    progress: null,
    queuedAt: AT,
    startedAt: AT,
    finishedAt: AT,
    lastHeartbeatAt: AT,
    cancelRequestedAt: null,
    durationMs: 125_000,
    queueDelayMs: 2100,
    attempt: 1,
    retryOf: null,
    version: 3,
    ...overrides,
  };
}

export const HOSTILE_STRINGS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  'x'.repeat(10_000),
];
