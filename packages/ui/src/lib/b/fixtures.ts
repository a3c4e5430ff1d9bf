/**
 * Story and test data for part B (not part of the public API). Builds on the shared fixtures,
 * so NOW and the runs are the ones every other story uses.
 */
import type { JobDefinition, JobRunDetails, JobRunSummary, JsonObject, LogLine } from '@jobs/contracts';
import {
  failedRun,
  HOSTILE_TEXT,
  makeSummary,
  minutesAgo,
  NOW,
  RTL_TEXT,
  runningRun,
  successRun,
} from '../../fixtures/index.js';

export { HOSTILE_TEXT, NOW, RTL_TEXT };

export function makeDetails(
  summary: JobRunSummary = successRun,
  overrides: Partial<JobRunDetails> = {},
): JobRunDetails {
  return { ...summary, tooLarge: {}, ...overrides };
}

export const successDetails = makeDetails(successRun, {
  params: { userId: 8, batchSize: 100, candidateBatchSize: 500 },
  metadata: { usersProcessed: 1250, scoresCalculated: 62500, averageScoreTime: '12ms' },
});
export const failedDetails = makeDetails(failedRun);
export const runningDetails = makeDetails(runningRun, { metadata: null });

/** About `bytes` of JSON in many rows: the 5 MB case the viewer must not freeze on. */
export function bigJson(bytes: number): JsonObject {
  const row = { id: 0, name: 'row-000000', tags: ['a', 'b', 'c'], score: 0.123456, note: 'x'.repeat(40) };
  const rowBytes = JSON.stringify(row).length + 1;
  const rows = Array.from({ length: Math.ceil(bytes / rowBytes) }, (_, i) => ({
    ...row,
    id: i,
    name: `row-${i}`,
  }));
  return { rows, summary: { count: rows.length } };
}

export const tooLargeDetails = makeDetails(successRun, {
  params: null,
  metadata: null,
  paramsTruncated: true,
  metadataTruncated: true,
  tooLarge: {
    params: { bytes: 412_345, href: '/api/admin/jobs/12846/raw/params' },
    metadata: { bytes: 5_242_880, href: '/api/admin/jobs/12846/raw/metadata' },
  },
});

export const hostileDetails = makeDetails(
  makeSummary({
    id: '12850',
    jobName: `${HOSTILE_TEXT} ${'n'.repeat(10_000)}`,
    status: 'FAILED',
    triggeredBy: RTL_TEXT,
    algorithmVersion: HOSTILE_TEXT,
    error: { message: `${HOSTILE_TEXT} ${RTL_TEXT}`, stack: `Error: ${HOSTILE_TEXT}\n    at <anonymous>` },
    params: { [HOSTILE_TEXT]: HOSTILE_TEXT, rtl: RTL_TEXT, __html: '<b>bold?</b>' },
  }),
  { tooLarge: { metadata: { bytes: 9_000_000, href: 'javascript:alert(1)' } }, metadata: null },
);

export const definitions: JobDefinition[] = [
  {
    id: 'match-scores',
    name: 'match-scores',
    description: 'Compute match scores between users',
    examples: ['tsx scripts/runJobs.ts match-scores --userId=8 --batchSize=100 --candidateBatchSize=500'],
    defaultParams: { userId: 8, batchSize: 100, candidateBatchSize: 500 },
    cancellable: true,
  },
  {
    id: 'feed-presort',
    name: 'feed-presort',
    description: 'Presort every user feed',
    examples: ['tsx scripts/runJobs.ts feed-presort'],
    cancellable: true,
  },
  {
    id: 'media-metadata',
    name: 'media-metadata',
    description: 'Extract EXIF and dimensions from uploaded media',
    examples: ['tsx scripts/runJobs.ts media-metadata --since=2024-01-01'],
    defaultParams: { since: '2024-01-01', limit: 1000 },
    cancellable: false,
  },
];

const LEVELS = ['info', 'info', 'debug', 'info', 'warn', 'info', 'error'] as const;

/** `count` log lines, one in seven an error, some with JSON inside. */
export function makeLogLines(count: number, start = 0): LogLine[] {
  const t0 = NOW.getTime() - count * 10;
  return Array.from({ length: count }, (_, k) => {
    const i = start + k;
    const level = LEVELS[i % LEVELS.length] ?? 'info';
    const message =
      i % 5 === 0
        ? `batch ${i} done {"batch": ${i}, "users": ${i * 3}, "ok": ${level !== 'error'}, "tag": "b-${i}"}`
        : `${level === 'error' ? 'Database timeout on' : 'Processing'} batch ${i} of ${count}`;
    return { seq: i, at: new Date(t0 + i * 10).toISOString(), level, message };
  });
}

export { minutesAgo };
