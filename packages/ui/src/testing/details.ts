/** Run details for stories and tests: the summaries of `runs.ts` plus params, metadata and limits. */
import type { JobRunDetails, JsonObject } from '@jobs/contracts';
import { makeDetails } from '@jobs/contracts/testing';
import { failedRun, HOSTILE_TEXT, RTL_TEXT, runningRun, storyTimes, successRun } from './runs.js';

export const successDetails = makeDetails({
  ...successRun,
  params: { userId: 8, batchSize: 100, candidateBatchSize: 500 },
  metadata: { usersProcessed: 1250, scoresCalculated: 62500, averageScoreTime: '12ms' },
});
export const failedDetails = makeDetails(failedRun);
export const runningDetails = makeDetails({ ...runningRun, metadata: null });

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

export const tooLargeDetails = makeDetails({
  ...successRun,
  params: null,
  metadata: null,
  paramsTruncated: true,
  metadataTruncated: true,
  tooLarge: {
    params: { bytes: 412_345, href: '/api/admin/jobs/12846/raw/params' },
    metadata: { bytes: 5_242_880, href: '/api/admin/jobs/12846/raw/metadata' },
  },
});

/** A 10 kB name and a `javascript:` link are past what the wire allows: set after building. */
export const hostileDetails: JobRunDetails = {
  ...makeDetails({
    ...storyTimes,
    id: '12850',
    status: 'FAILED',
    triggeredBy: RTL_TEXT,
    algorithmVersion: HOSTILE_TEXT,
    error: { message: `${HOSTILE_TEXT} ${RTL_TEXT}`, stack: `Error: ${HOSTILE_TEXT}\n    at <anonymous>` },
    params: { [HOSTILE_TEXT]: HOSTILE_TEXT, rtl: RTL_TEXT, __html: '<b>bold?</b>' },
    metadata: null,
  }),
  jobName: `${HOSTILE_TEXT} ${'n'.repeat(10_000)}`,
  tooLarge: { metadata: { bytes: 9_000_000, href: 'javascript:alert(1)' } },
};
