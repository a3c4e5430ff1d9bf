import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as full from '../index.js';
import { AT, deepJson, hostileJson, hostileStrings, makeSummary } from '../testing/index.js';
import * as light from './index.js';
import { ISO_DATETIME } from './parser.js';

/**
 * The light parsers must accept and refuse exactly what the zod schemas do. Each case takes valid
 * fixtures, checks both agree on them, then breaks every field in turn (deleted, null, the wrong
 * type, out of bounds, a bad date, hostile JSON) and checks both agree again, and that what both
 * accept comes out the same.
 */
const ids = { jobRunId: '12846', jobName: 'match-scores', version: 4 };
const running = makeSummary({
  status: 'RUNNING',
  finishedAt: null,
  durationMs: null,
  progress: { percent: 40, message: 'step 2 of 5', current: 2, total: 5 },
});
const failed = makeSummary({
  status: 'FAILED',
  error: { message: hostileStrings[0] ?? 'boom', stack: 'at x', code: 'E_X', truncated: true },
});
const hostileName = makeSummary({ jobName: 'x'.repeat(200), triggeredBy: null, scope: 'tenant-1' });
const truncated = makeSummary({
  params: null,
  metadata: null,
  paramsTruncated: true,
  metadataTruncated: true,
});
const summaries = [makeSummary(), running, failed, hostileName, truncated];
const line = { seq: 3, at: AT, level: 'warn', message: hostileStrings.join(' ').slice(0, 8000) };

const events = [
  { type: full.JOB_EVENT.queued, at: AT, seq: 1, data: { ...ids, run: running } },
  { type: full.JOB_EVENT.started, at: '2026-01-08T10:23:45+02:00', seq: 2, data: { ...ids, run: running } },
  { type: full.JOB_EVENT.cancelRequested, at: AT, seq: 3, data: { ...ids, cancelRequestedAt: AT } },
  { type: full.JOB_EVENT.completed, at: AT, seq: 4, data: { ...ids, run: failed } },
  {
    type: full.JOB_EVENT.progress,
    at: AT,
    data: { ...ids, progressPercent: 12.5, message: 't=1', current: 1, total: 8 },
  },
  { type: full.JOB_EVENT.log, at: AT, data: { ...ids, line } },
];

/** Values that break (or, for some fields, still fit) whatever they replace. */
const REPLACEMENTS: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'x'.repeat(65),
  'x'.repeat(201),
  'x'.repeat(8_100),
  0,
  -1,
  1,
  1.5,
  100,
  100.5,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [],
  [makeSummary()],
  {},
  { message: 'm' },
  hostileJson(),
  deepJson(40),
  '2026-02-30T10:00:00Z',
  '2026-01-08T10:23:45',
  '2026-01-08T10:23:45.123456+05:30',
  'QUEUED',
  'CANCEL_REQUESTED',
  'info',
  full.JOB_EVENT.progress,
  full.JOB_EVENT.log,
];

type Path = Array<string | number>;

function paths(value: unknown, at: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => paths(v, [...at, k]))];
}

function replaced(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (next === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = next;
  return copy;
}

function agree(
  schema: z.ZodType,
  parser: light.LightParser<unknown>,
  fixtures: readonly unknown[],
): { cases: number; accepted: number } {
  let cases = 0;
  let accepted = 0;
  for (const fixture of fixtures) {
    expect(schema.safeParse(fixture).success, 'a fixture must be valid').toBe(true);
    for (const path of paths(fixture))
      for (const next of REPLACEMENTS) {
        const value = replaced(fixture, path, next);
        const a = schema.safeParse(value);
        const b = parser.safeParse(value);
        cases += 1;
        if (a.success !== b.success)
          throw new Error(
            `${path.join('.') || '(root)'} = ${JSON.stringify(next)?.slice(0, 60)}: zod ${a.success ? 'accepts' : 'refuses'}, light ${b.success ? 'accepts' : 'refuses'}`,
          );
        if (a.success && b.success) {
          accepted += 1;
          expect(b.data).toEqual(a.data);
        }
      }
  }
  return { cases, accepted };
}

describe('@jobs/contracts/light agrees with the zod schemas', () => {
  it.each([
    ['JobRunSummary', full.JobRunSummary, light.JobRunSummary, summaries],
    ['LogLine', full.LogLine, light.LogLine, [line]],
    ['JobEvent', full.JobEvent, light.JobEvent, events],
    ['JobLogEvent', full.JobLogEvent, light.JobLogEvent, events.slice(5)],
    ['ActiveResponse', full.ActiveResponse, light.ActiveResponse, [{ runs: [running, failed], asOfSeq: 9 }]],
    ['HistoryRuns', full.HistoryResponse.pick({ runs: true }), light.HistoryRuns, [{ runs: summaries }]],
    ['RunResponse', full.RunResponse, light.RunResponse, [{ run: running }]],
    [
      'CleanupStalledResponse',
      full.CleanupStalledResponse,
      light.CleanupStalledResponse,
      [{ cleaned: [failed] }],
    ],
    ['LogsResponse', full.LogsResponse, light.LogsResponse, [{ lines: [line], nextAfter: 3 }]],
    [
      'ApiError',
      full.ApiError,
      light.ApiError,
      [{ error: 'Not found', details: 'No run 12', retryable: false }],
    ],
    [
      'ApiErrorAnswer',
      full.ApiError.partial(),
      light.ApiErrorAnswer,
      [
        {
          error: 'Invalid parameters',
          details: 'batchSize: too small',
          field: 'parameters',
          retryable: true,
        },
      ],
    ],
  ] as const)('%s', (_name, schema, parser, fixtures) => {
    const { cases, accepted } = agree(schema, parser as light.LightParser<unknown>, fixtures);
    // Both outcomes were exercised: the check is not passing on all-refused or all-accepted input.
    expect(accepted).toBeGreaterThan(0);
    expect(cases - accepted).toBeGreaterThan(0);
  });

  it('refuses what is not an event at all, as zod does', () => {
    for (const value of [null, [], 'x', 1, {}, { type: 'server.admin.job_other', at: AT, data: ids }])
      expect(light.JobEvent.safeParse(value).success).toBe(full.JobEvent.safeParse(value).success);
  });

  it('uses the date-time pattern zod builds', () => {
    const zodPattern = (z.iso.datetime({ offset: true }) as unknown as { _zod: { pattern: RegExp } })._zod
      .pattern;
    expect(ISO_DATETIME.source).toBe(zodPattern.source);
  });

  it('parse throws with the first problem, safeParse does not', () => {
    expect(() => light.RunResponse.parse({ run: { ...running, attempt: 0 } })).toThrow(/run\.attempt/);
    expect(light.RunResponse.safeParse({ run: running })).toEqual({ success: true, data: { run: running } });
  });
});
