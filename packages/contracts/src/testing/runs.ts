/**
 * Run builders for tests in every package. Each result is parsed by the contract's own schema, so a
 * builder can never hand a test a run the wire would reject: an invalid override throws here, at
 * the line that made it. To test rejection, spread a built run and break it afterwards:
 * `{ ...makeRun(), attempt: 0 }`.
 */
import { JobRun, JobRunDetails, JobRunSummary, toSummary } from '../run.js';

/** The instant every default timestamp is measured from: fixed, so text and screenshots never drift. */
export const AT = '2026-01-08T10:23:45.000Z';

/** `isoBefore(2100)` → the ISO time 2.1 s before {@link AT}. */
export function isoBefore(ms: number, from: string = AT): string {
  return new Date(Date.parse(from) - ms).toISOString();
}

/** A finished, successful manual run whose times agree with its durations. */
export function makeRun(overrides: Partial<JobRun> = {}): JobRun {
  return JobRun.parse({
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
    queuedAt: isoBefore(127_100),
    startedAt: isoBefore(125_000),
    finishedAt: AT,
    lastHeartbeatAt: AT,
    cancelRequestedAt: null,
    durationMs: 125_000,
    queueDelayMs: 2100,
    attempt: 1,
    retryOf: null,
    version: 3,
    ...overrides,
  });
}

/** The list/event shape of {@link makeRun}'s run; overrides apply after summarising. */
export function makeSummary(overrides: Partial<JobRunSummary> = {}): JobRunSummary {
  return JobRunSummary.parse({ ...toSummary(makeRun()), ...overrides });
}

/** The details-endpoint shape: a summary with nothing too large unless `tooLarge` says so. */
export function makeDetails(overrides: Partial<JobRunDetails> = {}): JobRunDetails {
  return JobRunDetails.parse({ ...toSummary(makeRun()), tooLarge: {}, ...overrides });
}
